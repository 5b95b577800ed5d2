import { DEFAULT_TIMEOUT, ValidationError, createHttpClient, type TokenSet } from '@cal/core';
import { createOAuth2Auth, type OAuth2Auth } from '@cal/core/oauth2';
import { PROVIDER } from './errors.js';
import { createApi, type Api } from './api.js';
import { operations } from './on-demand/load-operations.js';
import { DEFAULT_BASE_URL, type MobiscrollConnectOptions } from './options.js';
import { guardedStrategy } from './scope-guard.js';
import { AuthResource } from './resources/auth.js';
import { CalendarsResource } from './resources/calendars.js';
import { EventsResource } from './resources/events.js';
import { WebhooksResource } from './resources/webhooks.js';

/** Package version, sent in the User-Agent. @public */
export const VERSION = '0.1.0';

/** What the resources share. @internal */
export interface ClientContext {
  readonly api: Api;
  /** Same API without credentials (revoke, health). */
  readonly anonymous: Api;
  readonly oauth: OAuth2Auth;
  readonly options: MobiscrollConnectOptions;
  readonly baseUrl: string;
  readonly secrets: () => readonly string[];
  /** Serialises `setCredentials` writes before the next request. */
  setPending(p: Promise<unknown>): void;
  readonly refreshListeners: Set<(tokens: TokenSet) => void | Promise<void>>;
  exchanging: number;
}

/**
 * Mobiscroll Connect client at Python SDK parity (`mobiscroll_connect.MobiscrollConnectClient`).
 *
 * One `@cal/core` HTTP client carries retries, timeouts, the request hook and OAuth 2 (core's
 * single-flight refresh: concurrent 401s share one token request, the rotated refresh token is
 * stored and `onTokensRefreshed` awaited before the new token is used). The REST calls are typed
 * from `openapi/mobiscroll-connect.yaml` and sent through core's `http.fetch` (see `api.ts`).
 * @example
 * ```ts
 * const client = new MobiscrollConnectClient({ clientId, clientSecret, redirectUri });
 * const url = client.auth.generateAuthUrl({ userId: 'user-123' });
 * await client.auth.getToken(code);
 * for await (const e of client.events.iterAll({ start, end })) console.log(e.title);
 * ```
 * @public
 */
export class MobiscrollConnectClient {
  /** OAuth flow, connection status, disconnect, revoke. */
  readonly auth: AuthResource;
  /** `GET /calendars`. */
  readonly calendars: CalendarsResource;
  /** `GET /events`, `POST|PUT|DELETE /event`. */
  readonly events: EventsResource;
  /** Subscriptions and signature verification. */
  readonly webhooks: WebhooksResource;
  readonly #ctx: ClientContext;

  constructor(options: MobiscrollConnectOptions) {
    for (const field of ['clientId', 'clientSecret', 'redirectUri'] as const) {
      if (typeof options?.[field] !== 'string' || options[field] === '') {
        throw new ValidationError(`${field} is required`, {
          provider: PROVIDER,
          operation: 'MobiscrollConnectClient',
          details: [{ field, description: 'required non-empty string' }],
        });
      }
    }
    const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    const common = {
      provider: PROVIDER,
      baseUrl: `${baseUrl}/`,
      userAgent: `@cal/mobiscroll/${VERSION}`,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      timeout: options.timeout ?? DEFAULT_TIMEOUT,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    };
    // Token requests: same fetch/timeout/hook, no auth, no retry (a token POST must not repeat:
    // a replayed refresh would use a rotated token, which Connect may treat as reuse).
    const plain = createHttpClient({ ...common, retry: false });
    const refreshListeners = new Set<(tokens: TokenSet) => void | Promise<void>>();
    let pending: Promise<unknown> = Promise.resolve();
    const oauth = createOAuth2Auth({
      provider: PROVIDER,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      clientAuth: options.clientAuth ?? 'basic',
      tokenEndpoint: `${baseUrl}/oauth/token`,
      redirectUri: options.redirectUri,
      storeKey: options.storeKey ?? `${PROVIDER}:${options.clientId}`,
      fetch: plain.fetch,
      ...(options.tokenStore ? { tokenStore: options.tokenStore } : {}),
      ...(options.tokens ? { tokens: options.tokens } : {}),
      // Core awaits this after the new set is stored and before anyone uses it.
      // The notifying code rides in the on-demand chunk: it only runs after a refresh, which has
      // just loaded on-demand code (the token flows) itself.
      onTokensRefreshed: async (tokens) => {
        if (ctx.exchanging > 0 || refreshListeners.size === 0) return;
        await (await operations()).notifyRefreshed(ctx, tokens);
      },
    });
    const http = createHttpClient({ ...common, auth: guardedStrategy(oauth, () => pending) });
    const secrets = () => [...oauth.secrets(), options.clientSecret];
    const api = createApi(http.fetch, baseUrl, secrets);
    const anonymous = createApi(plain.fetch, baseUrl, secrets);
    const ctx: ClientContext = {
      api,
      anonymous,
      oauth,
      options,
      baseUrl,
      secrets,
      setPending: (p) => {
        pending = p.catch(() => {});
      },
      refreshListeners,
      exchanging: 0,
    };
    this.#ctx = ctx;
    this.auth = new AuthResource(ctx);
    this.calendars = new CalendarsResource(ctx);
    this.events = new EventsResource(ctx);
    this.webhooks = new WebhooksResource(ctx);
  }

  /**
   * Registers a callback for every token rotation (refresh). It is awaited after the new tokens are
   * stored and before the new access token is used, so persist them here. Returns an unsubscribe function.
   */
  onTokensRefreshed(callback: (tokens: TokenSet) => void | Promise<void>): () => void {
    this.#ctx.refreshListeners.add(callback);
    return () => this.#ctx.refreshListeners.delete(callback);
  }

  /** Shortcut of `auth.setCredentials` (Python client parity). */
  setCredentials(credentials: Parameters<AuthResource['setCredentials']>[0]): Promise<void> {
    return this.auth.setCredentials(credentials);
  }

  /** `GET /health` → `{ status: 'ok' }`; needs no token. */
  async health(): Promise<{ readonly status: string }> {
    return (await operations()).health(this.#ctx);
  }
}
