import type { TokenSet } from '@cal/core';
import type { ClientContext } from '../client.js';
import { operations } from '../on-demand/load-operations.js';
import type { ConnectionStatus, Provider, Scope, SuccessResult } from '../models.js';
import { requireFields } from '../validate.js';

/** Input of {@link AuthResource.generateAuthUrl}. @public */
export interface AuthUrlParams {
  /** Your own identifier of the user (required; Connect creates the user on first sight). */
  userId: string;
  /** `free-busy`, `read` or `read-write`; omitted → server default `read-write` (no `calendar` default as in Python/PHP). */
  scope?: Scope | (string & {});
  /** CSRF value echoed back to the redirect URI. */
  state?: string;
  /** Limit the provider picker; an array is sent as one comma-separated value (Node/Python/PHP/Ruby). */
  providers?: readonly Provider[] | string;
  /** Hosted-page language, e.g. `en`, `de`, `pt-BR`. */
  lng?: string;
}

/** Credentials as the Python SDK's `TokenResponse`. @public */
export interface Credentials {
  accessToken: string;
  refreshToken?: string;
  /** Seconds until the access token expires, counted from now. */
  expiresIn?: number;
  /** Absolute expiry (epoch ms); wins over `expiresIn`. */
  expiresAt?: number;
}

/** Tokens returned by {@link AuthResource.getToken}. @public */
export interface TokenResponse {
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly tokenType: string;
  /** Seconds of validity at issue time. */
  readonly expiresIn?: number;
  /** Absolute expiry. */
  readonly expiresAt?: Date;
}

/** OAuth and account management (reference §2). @public */
export class AuthResource {
  readonly #ctx: ClientContext;
  /** @internal */
  constructor(ctx: ClientContext) {
    this.#ctx = ctx;
  }

  /**
   * Builds `{baseUrl}/oauth/authorize?response_type=code&client_id&user_id&redirect_uri[&state][&scope][&providers][&lng]`
   * (synchronous, like the Node SDK; reference §2.1).
   */
  generateAuthUrl(params: AuthUrlParams): string {
    requireFields('generateAuthUrl', params, ['userId']);
    const url = new URL(`${this.#ctx.baseUrl}/oauth/authorize`);
    const q = url.searchParams;
    q.set('response_type', 'code');
    q.set('client_id', this.#ctx.options.clientId);
    q.set('user_id', params.userId);
    q.set('redirect_uri', this.#ctx.options.redirectUri);
    if (params.state !== undefined) q.set('state', params.state);
    if (params.scope !== undefined) q.set('scope', params.scope);
    if (params.providers !== undefined) {
      q.set('providers', typeof params.providers === 'string' ? params.providers : params.providers.join(','));
    }
    if (params.lng !== undefined) q.set('lng', params.lng);
    return url.toString();
  }

  /** Exchanges the `code` from the redirect for tokens (form POST `/oauth/token`) and stores them. */
  async getToken(code: string): Promise<TokenResponse> {
    return (await operations()).getToken(this.#ctx, code);
  }

  /** Restores stored credentials (e.g. from your database) for this client. */
  setCredentials(credentials: Credentials): Promise<void> {
    requireFields('setCredentials', credentials, ['accessToken']);
    const expiresAt =
      credentials.expiresAt ?? (credentials.expiresIn === undefined ? undefined : Date.now() + credentials.expiresIn * 1000);
    const tokens: TokenSet = {
      accessToken: credentials.accessToken,
      tokenType: 'Bearer',
      ...(credentials.refreshToken ? { refreshToken: credentials.refreshToken } : {}),
      ...(expiresAt === undefined ? {} : { expiresAt }),
    };
    const p = this.#ctx.oauth.setTokens(tokens);
    this.#ctx.setPending(p);
    return p;
  }

  /** The tokens currently held (after refreshes), or undefined. */
  async getCredentials(): Promise<TokenResponse | undefined> {
    return (await operations()).getCredentials(this.#ctx);
  }

  /**
   * `GET /oauth/connection-status`: connected accounts per provider. Falls back to the legacy
   * `/connection-status` after a 404 only (Go/Ruby/Java behaviour; reference §2.4).
   */
  async getConnectionStatus(): Promise<ConnectionStatus> {
    return (await operations()).connectionStatus(this.#ctx);
  }

  /**
   * `POST /oauth/disconnect?provider=…[&account=…]` with body `{}` (reference §2.5): removes one
   * account, or every account of the provider when `account` is omitted. Legacy `/disconnect` after a 404.
   */
  async disconnect(provider: Provider, options: { account?: string } = {}): Promise<SuccessResult> {
    return (await operations()).disconnect(this.#ctx, provider, options);
  }

  /**
   * `POST /oauth/revoke` with JSON `{token}` (no client auth; reference §2.3): revokes every token of
   * this user/client pair at Connect, then forgets the local tokens. None of the official SDKs has it.
   */
  async revoke(): Promise<void> {
    return (await operations()).revoke(this.#ctx);
  }
}
