import type { AuthStrategy } from '../auth/strategy.js';
import type { TokenSet, TokenStore } from '../auth/tokens.js';
import { MemoryTokenStore } from '../auth/memory-token-store.js';
import { systemClock } from '../http/clock.js';
import { isLoopback } from '../http/origin-guard.js';
import { AuthenticationError, NetworkError, ValidationError } from '../errors/classes.js';
import { isCalError } from '../errors/cal-error.js';
import type { OAuth2Options } from './options.js';
import { loadTokenEndpoint } from './load-token-endpoint.js';
import type { TokenEndpoint } from './token-endpoint.js';

/** Result of {@link OAuth2Auth.authorizationUrl}. Keep `state` and `codeVerifier` for the callback. @public */
export interface AuthorizationRequest {
  readonly url: string;
  readonly state: string;
  readonly codeVerifier?: string;
}

/**
 * OAuth 2 as an {@link AuthStrategy}, on oauth4webapi: authorization URL with state and PKCE,
 * code exchange, client credentials, refresh, revoke; tokens in a {@link TokenStore}.
 * oauth4webapi is imported on the first token-endpoint request only: building the authorization
 * URL and sending requests with a valid stored token never load it.
 * @public
 */
export interface OAuth2Auth extends AuthStrategy {
  readonly kind: 'oauth2';
  /** Builds the URL to send the user to. PKCE (S256) is on by default. */
  authorizationUrl(options?: {
    state?: string;
    scopes?: readonly string[];
    pkce?: boolean;
    redirectUri?: string;
    params?: Readonly<Record<string, string>>;
  }): Promise<AuthorizationRequest>;
  /** Exchanges an authorization code (or the whole callback URL, whose `state` is checked) for tokens, and stores them. */
  exchangeCode(
    input: { code: string } | { callbackUrl: string | URL; expectedState?: string },
    options?: { codeVerifier?: string; redirectUri?: string },
  ): Promise<TokenSet>;
  /** Client credentials grant (app-only tokens). */
  clientCredentials(options?: { scopes?: readonly string[] }): Promise<TokenSet>;
  /**
   * Gets new tokens. Concurrent callers share one token request. With `rejected`, the token that
   * just got a 401: if the store already holds a different, fresh token (another process refreshed,
   * O365's `should_refresh_token`), that one is used and no request is made.
   */
  refresh(options?: { force?: boolean; rejected?: string }): Promise<TokenSet>;
  /** Revokes the refresh token (or access token) at the server and deletes the stored tokens. */
  revoke(): Promise<void>;
  getTokens(): Promise<TokenSet | undefined>;
  setTokens(tokens: TokenSet): Promise<void>;
  /** A valid access token, refreshed first when it expires within `refreshSkewMs`. */
  accessToken(): Promise<string>;
  /** True when the loaded token is expired or about to be. */
  isExpired(): boolean;
  /** Subscribes to new token sets; returns an unsubscribe function. */
  onTokensRefreshed(callback: (tokens: TokenSet) => void | Promise<void>): () => void;
}

/**
 * Creates an {@link OAuth2Auth}.
 * @example
 * ```ts
 * const auth = createOAuth2Auth({ clientId, clientSecret, tokenEndpoint, authorizationEndpoint, tokenStore });
 * const { url, state, codeVerifier } = await auth.authorizationUrl({ scopes: ['calendar'] });
 * // …user comes back to redirectUri…
 * await auth.exchangeCode({ callbackUrl, expectedState: state }, { codeVerifier });
 * const http = createHttpClient({ provider: 'x', baseUrl, auth });
 * ```
 * @public
 */
export function createOAuth2Auth(options: OAuth2Options): OAuth2Auth {
  const provider = options.provider ?? 'oauth2';
  const clock = options.clock ?? systemClock;
  const store: TokenStore = options.tokenStore ?? new MemoryTokenStore();
  const key = options.storeKey ?? `${provider}:${options.clientId}`;
  const skew = options.refreshSkewMs ?? 60_000;
  const listeners = new Set<(t: TokenSet) => void | Promise<void>>();
  if (options.onTokensRefreshed) listeners.add(options.onTokensRefreshed);

  const endpoints = [options.tokenEndpoint, options.authorizationEndpoint, options.revocationEndpoint].filter(
    (e): e is string => e !== undefined,
  );
  const insecure = options.allowInsecureRequests ?? endpoints.every((e) => isLoopback(new URL(e)));
  const secrets = (): string[] =>
    [current?.accessToken, current?.refreshToken, options.clientSecret].filter((s): s is string => !!s);

  let current: TokenSet | undefined = options.tokens;
  let loaded = options.tokens !== undefined;
  const initialWrite = options.tokens ? store.set(key, options.tokens) : Promise.resolve();
  let inflight: Promise<TokenSet> | undefined;

  async function load(): Promise<TokenSet | undefined> {
    await initialWrite;
    if (!loaded) {
      current = await store.get(key);
      loaded = true;
    }
    return current;
  }

  const expiring = (t: TokenSet | undefined) => !t || (t.expiresAt !== undefined && t.expiresAt - skew <= clock.now());

  let endpoint: TokenEndpoint | undefined;
  /** The token flows, their code (and oauth4webapi) loaded on the first token request. */
  const tokenEndpoint = async (): Promise<TokenEndpoint> =>
    (endpoint ??= await loadTokenEndpoint({
      options, provider, clock, insecure, secrets, store, key, listeners, expiring,
      current: () => current,
      setCurrent: (tokens) => {
        current = tokens;
        loaded = true;
      },
      errors: { AuthenticationError, NetworkError, ValidationError, isCalError },
    }));

  const self: OAuth2Auth = {
    kind: 'oauth2',
    secrets,

    async authorizationUrl(opts = {}) {
      const { buildAuthorizationUrl } = await import('./authorization-url.js').catch((cause: unknown) => {
        // Only a failed chunk download can get here; typed like any other failed transfer.
        throw new NetworkError('Could not load the authorization URL builder', { cause, provider });
      });
      return buildAuthorizationUrl(options, opts, provider, ValidationError);
    },

    exchangeCode: async (input, opts = {}) => (await tokenEndpoint()).exchangeCode(input, opts),

    clientCredentials: async (opts = {}) => (await tokenEndpoint()).clientCredentials(opts.scopes),

    refresh(opts = {}) {
      inflight ??= load()
        .then(async () => (await tokenEndpoint()).refresh(opts.force ?? false, opts.rejected))
        .finally(() => {
          inflight = undefined;
        });
      return inflight;
    },

    async revoke() {
      const tokens = await load();
      // Without a revocation endpoint this only forgets the tokens: no need to load the token code.
      if (tokens && options.revocationEndpoint) await (await tokenEndpoint()).revoke(tokens);
      current = undefined;
      await store.delete(key);
    },

    getTokens: load,
    setTokens: async (tokens) => {
      await initialWrite;
      await store.set(key, tokens);
      current = tokens;
      loaded = true;
    },

    async accessToken() {
      const tokens = await load();
      if (tokens && !expiring(tokens)) return tokens.accessToken;
      if (!tokens && (options.grant ?? 'authorization_code') !== 'client_credentials') {
        throw new AuthenticationError('Not authorized yet: complete the authorization flow or set tokens', { provider });
      }
      return (await self.refresh()).accessToken;
    },

    isExpired: () => expiring(current),

    onTokensRefreshed(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },

    authorization: async () => `Bearer ${await self.accessToken()}`,

    async authorize(request) {
      const token = await self.accessToken();
      request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },

    async onUnauthorized(request) {
      const sent = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '');
      const tokens = await load();
      if (!tokens?.refreshToken && (options.grant ?? 'authorization_code') !== 'client_credentials') return false;
      await self.refresh(sent ? { rejected: sent } : { force: true });
      return true;
    },
  };
  return self;
}
