import * as oauth from 'oauth4webapi';
import type { TokenSet, TokenStore } from '../auth/tokens.js';
import type { Clock } from '../http/types.js';
import type { AuthenticationError, NetworkError, ValidationError } from '../errors/classes.js';
import type { isCalError } from '../errors/cal-error.js';
import type { OAuth2Options } from './options.js';

// Everything that obtains tokens — the grants on oauth4webapi, and the refresh protocol around them
// (store lock, "did another process refresh already", persist-then-notify). `createOAuth2Auth`
// loads this module with `import()` on the first token request (see load-token-endpoint.ts), so
// oauth4webapi (~7 KB min+gzip) and this code stay out of an app's initial bundle until a code
// exchange, refresh, client credentials grant or revoke actually happens.

/** What the token endpoint client needs from its {@link createOAuth2Auth} instance. @internal */
export interface TokenEndpointContext {
  readonly options: OAuth2Options;
  readonly provider: string;
  readonly clock: Clock;
  /** Allow `http:` (computed once at construction). */
  readonly insecure: boolean;
  /** Current secrets, scrubbed from every error. */
  readonly secrets: () => string[];
  readonly store: TokenStore;
  readonly key: string;
  /** Called with every new token set, awaited in order. */
  readonly listeners: ReadonlySet<(tokens: TokenSet) => void | Promise<void>>;
  /** True when `tokens` is missing or expires within the skew. */
  readonly expiring: (tokens: TokenSet | undefined) => boolean;
  /** The in-memory token set of the instance. */
  readonly current: () => TokenSet | undefined;
  /** Replaces the in-memory token set (after it is stored). */
  readonly setCurrent: (tokens: TokenSet) => void;
  /**
   * Core's error classes, handed over rather than imported: this module then shares no code with
   * the initial bundle, so a bundler does not split core's errors into an extra shared chunk that
   * every app (even one that never refreshes) would load up front. They are the same classes, so
   * `instanceof` works as usual.
   */
  readonly errors: {
    readonly AuthenticationError: typeof AuthenticationError;
    readonly NetworkError: typeof NetworkError;
    readonly ValidationError: typeof ValidationError;
    readonly isCalError: typeof isCalError;
  };
}

/**
 * The token flows of one OAuth 2 client (the `OAuth2Auth` methods of the same names); new token sets
 * are stored, then listeners awaited, then returned. Every failure is a typed `CalError`.
 * @internal
 */
export interface TokenEndpoint {
  refresh(force: boolean, rejected: string | undefined): Promise<TokenSet>;
  clientCredentials(scopes: readonly string[] | undefined): Promise<TokenSet>;
  exchangeCode(
    input: { code: string } | { callbackUrl: string | URL; expectedState?: string },
    options: { codeVerifier?: string; redirectUri?: string },
  ): Promise<TokenSet>;
  /** Revokes at the revocation endpoint (RFC 7009); the caller forgets the tokens. */
  revoke(tokens: TokenSet): Promise<void>;
}

/** Builds the {@link TokenEndpoint} of one client. @internal */
export function createTokenEndpoint(ctx: TokenEndpointContext): TokenEndpoint {
  const { options, provider, clock, insecure, secrets, store, key, expiring } = ctx;
  const { AuthenticationError, NetworkError, ValidationError, isCalError } = ctx.errors;
  const as: oauth.AuthorizationServer = {
    issuer: options.issuer ?? new URL(options.tokenEndpoint).origin,
    token_endpoint: options.tokenEndpoint,
    ...(options.authorizationEndpoint ? { authorization_endpoint: options.authorizationEndpoint } : {}),
    ...(options.revocationEndpoint ? { revocation_endpoint: options.revocationEndpoint } : {}),
  };
  const client: oauth.Client = { client_id: options.clientId };
  const clientAuth = (): oauth.ClientAuth => {
    const mode = options.clientAuth ?? (options.clientSecret ? 'basic' : 'none');
    if (mode === 'none' || !options.clientSecret) return oauth.None();
    return mode === 'post' ? oauth.ClientSecretPost(options.clientSecret) : oauth.ClientSecretBasic(options.clientSecret);
  };
  const requestOptions = () => ({
    // Looked up per call so a fetch installed after construction (tests, proxies) applies.
    [oauth.customFetch]: (url: string, init: RequestInit) => (options.fetch ?? globalThis.fetch)(url, init),
    [oauth.allowInsecureRequests]: insecure,
    ...(options.extraTokenParams ? { additionalParameters: options.extraTokenParams } : {}),
  });

  function toTokenSet(r: oauth.TokenEndpointResponse, previous?: TokenSet): TokenSet {
    const { access_token, refresh_token, expires_in, token_type, scope, id_token, ...extra } = r;
    return {
      accessToken: access_token,
      // RFC 6749 §6: a refresh response may omit refresh_token, meaning "keep the old one".
      ...(refresh_token ?? previous?.refreshToken ? { refreshToken: (refresh_token ?? previous?.refreshToken)! } : {}),
      ...(typeof expires_in === 'number' ? { expiresAt: clock.now() + expires_in * 1000 } : {}),
      tokenType: token_type,
      ...(scope ?? previous?.scope ? { scope: (scope ?? previous?.scope)! } : {}),
      ...(id_token ? { idToken: id_token } : {}),
      ...(Object.keys(extra).length ? { extra } : {}),
    };
  }

  function authFailure(message: string, cause: unknown): InstanceType<typeof AuthenticationError> {
    if (cause instanceof AuthenticationError) return cause;
    const body = cause instanceof oauth.ResponseBodyError ? cause : undefined;
    const desc = body ? `${body.error}${body.error_description ? `: ${body.error_description}` : ''}` : undefined;
    return new AuthenticationError(desc ? `${message} (${desc})` : message, {
      cause,
      provider,
      ...(body ? { status: body.status, providerCode: body.error } : {}),
      secrets: secrets(),
    });
  }

  async function tokenCall<T>(message: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (cause) {
      if (isCalError(cause)) throw cause;
      // fetch itself failed: the token endpoint was unreachable, which is not an auth failure.
      if (cause instanceof TypeError && !(cause as { code?: string }).code?.startsWith('ERR_')) {
        throw new NetworkError(`${message}: token endpoint unreachable`, { cause, provider, url: options.tokenEndpoint });
      }
      throw authFailure(message, cause);
    }
  }

  /** Persists first, then notifies, then lets callers use the token: a rotated refresh token is never lost. */
  async function commit(tokens: TokenSet): Promise<TokenSet> {
    await store.set(key, tokens);
    ctx.setCurrent(tokens);
    for (const l of ctx.listeners) await l(tokens);
    return tokens;
  }

  const clientCredentials = async (scopes: readonly string[] | undefined): Promise<TokenSet> =>
    commit(
      await tokenCall('Client credentials grant failed', async () => {
        const params = new URLSearchParams();
        const scope = (scopes ?? options.scopes ?? []).join(' ');
        if (scope) params.set('scope', scope);
        const res = await oauth.clientCredentialsGrantRequest(as, client, clientAuth(), params, requestOptions());
        return toTokenSet(await oauth.processClientCredentialsResponse(as, client, res));
      }),
    );

  return {
    refresh(force, rejected) {
      const run = async (): Promise<TokenSet> => {
        // Another process (or an earlier caller) may have refreshed already.
        const stored = await store.get(key);
        if (stored && !expiring(stored) && (rejected ? stored.accessToken !== rejected : !force)) {
          ctx.setCurrent(stored);
          return stored;
        }
        const base = stored ?? ctx.current();
        const refreshToken = base?.refreshToken;
        if (!refreshToken) {
          if ((options.grant ?? 'authorization_code') === 'client_credentials') return clientCredentials(undefined);
          throw new AuthenticationError('No refresh token: the user must authorize again', { provider });
        }
        return commit(
          await tokenCall('Token refresh failed', async () => {
            const res = await oauth.refreshTokenGrantRequest(as, client, clientAuth(), refreshToken, requestOptions());
            return toTokenSet(await oauth.processRefreshTokenResponse(as, client, res), base);
          }),
        );
      };
      return store.lock ? store.lock(key, run) : run();
    },

    clientCredentials,

    async exchangeCode(input, opts) {
      const redirectUri = opts.redirectUri ?? options.redirectUri;
      if (!redirectUri) throw new ValidationError('redirectUri is required', { provider, operation: 'exchangeCode' });
      const params = await tokenCall('Authorization response rejected', async () =>
        'code' in input
          ? oauth.validateAuthResponse(as, client, new URLSearchParams({ code: input.code }), oauth.skipStateCheck)
          : oauth.validateAuthResponse(as, client, new URL(String(input.callbackUrl)), input.expectedState ?? oauth.skipStateCheck),
      );
      return commit(
        await tokenCall('Authorization code exchange failed', async () => {
          const res = await oauth.authorizationCodeGrantRequest(
            as, client, clientAuth(), params, redirectUri, opts.codeVerifier ?? oauth.nopkce, requestOptions(),
          );
          return toTokenSet(await oauth.processAuthorizationCodeResponse(as, client, res));
        }),
      );
    },

    revoke: (tokens) =>
      tokenCall('Token revocation failed', async () => {
        const useRefresh = (options.revokeTokenType ?? (tokens.refreshToken ? 'refresh_token' : 'access_token')) === 'refresh_token';
        const token = useRefresh ? tokens.refreshToken ?? tokens.accessToken : tokens.accessToken;
        const res = await oauth.revocationRequest(as, client, clientAuth(), token, {
          ...requestOptions(),
          additionalParameters: { token_type_hint: useRefresh ? 'refresh_token' : 'access_token' },
        });
        await oauth.processRevocationResponse(res);
      }),
  };
}
