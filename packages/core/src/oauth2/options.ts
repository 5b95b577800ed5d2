import type { Clock, FetchLike } from '../http/types.js';
import type { TokenSet, TokenStore } from '../auth/tokens.js';

/** Options of {@link createOAuth2Auth}. @public */
export interface OAuth2Options {
  /** Provider name for errors and the default store key. */
  provider?: string;
  clientId: string;
  /** Absent for a public client (PKCE, no secret). */
  clientSecret?: string;
  /**
   * How the client authenticates at the token endpoint (RFC 6749 §2.3.1).
   * @default 'basic' with a secret, 'none' without
   */
  clientAuth?: 'basic' | 'post' | 'none';
  /** Issuer identifier; only checked for OpenID id tokens. @default the token endpoint's origin */
  issuer?: string;
  authorizationEndpoint?: string;
  tokenEndpoint: string;
  revocationEndpoint?: string;
  redirectUri?: string;
  /** Default scopes requested. */
  scopes?: readonly string[];
  /** Where tokens persist. @default a new MemoryTokenStore */
  tokenStore?: TokenStore;
  /** Key under which this client's tokens are stored. @default `${provider}:${clientId}` */
  storeKey?: string;
  /** Tokens to start with (also written to the store). */
  tokens?: TokenSet;
  /** Refresh this long before `expiresAt`. @default 60000 */
  refreshSkewMs?: number;
  /** `fetch` for token requests, looked up at call time. @default globalThis.fetch */
  fetch?: FetchLike;
  clock?: Clock;
  /** Called with every new token set, awaited before the new access token is used. */
  onTokensRefreshed?: (tokens: TokenSet) => void | Promise<void>;
  /** Which grant obtains new tokens when there is no refresh token. @default 'authorization_code' */
  grant?: 'authorization_code' | 'client_credentials';
  /** Allow `http:` endpoints. @default true only when every endpoint is on loopback */
  allowInsecureRequests?: boolean;
  /** Which token revoke() sends (RFC 7009). @default 'refresh_token' when one is held */
  revokeTokenType?: 'refresh_token' | 'access_token';
  /** Extra form parameters on every token request (e.g. a resource or tenant hint). */
  extraTokenParams?: Readonly<Record<string, string>>;
}
