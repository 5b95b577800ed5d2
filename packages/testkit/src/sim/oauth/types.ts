import type { SimContext, SimServer } from '../types.js';

/**
 * A registered OAuth client. Without `clientSecret` it is a public client (RFC 6749 §2.1) and must use
 * PKCE (RFC 7636) for the authorization code grant.
 * @public
 */
export interface OAuthClient {
  clientId: string;
  /** Absent = public client. */
  clientSecret?: string;
  /** Allowed redirect URIs (exact string match, RFC 6749 §3.1.2.3); absent = any. */
  redirectUris?: string[];
}

/**
 * The authorization a token stands for.
 * @public
 */
export interface OAuthGrant {
  /** User id (`app:<clientId>` for client_credentials). */
  userId: string;
  clientId: string;
  /** Space-separated granted scopes. */
  scope: string;
  /** The access token presented / issued. */
  accessToken: string;
  /** Current refresh token of the grant, if it has one. */
  refreshToken?: string;
  /** Stable id of the grant ("token family"): survives refresh-token rotation. */
  grantId: string;
}

/**
 * Options of {@link createOAuthServer}.
 * @public
 */
export interface OAuthServerOptions {
  /** Path prefix; default `/oauth` → `/oauth/authorize`, `/oauth/token`, `/oauth/revoke`. */
  prefix?: string;
  /** Full path of the authorization endpoint (overrides `${prefix}/authorize`). */
  authorizePath?: string;
  /** Full path of the token endpoint (overrides `${prefix}/token`). */
  tokenPath?: string;
  /** Full path of the revocation endpoint (overrides `${prefix}/revoke`). */
  revokePath?: string;
  /** Registered clients. */
  clients: OAuthClient[];
  /** Accepted client authentication (RFC 6749 §2.3.1): `client_secret_basic`, `client_secret_post` or both. Default `'both'`. */
  clientAuth?: 'basic' | 'body' | 'both';
  /** Access token lifetime; default 3600. */
  accessTokenTtlSeconds?: number;
  /** Issue a new refresh token on every refresh and invalidate the old one; default true. */
  rotateRefreshTokens?: boolean;
  /** Reuse of an already-rotated refresh token revokes every token of that grant (RFC 9700 §4.14.2); default false. */
  revokeFamilyOnReuse?: boolean;
  /** Scopes granted when the authorize request names none. */
  scopes?: string[];
  /** Clock (ms); default `Date.now`. */
  now?: () => number;
  /** Provider-specific fields merged into every token response (Cronofy `account_id`, `sub`, `linking_profile`…). */
  tokenResponseExtras?: (grant: OAuthGrant) => Record<string, unknown>;
  /**
   * Client authentication at the revocation endpoint: `'required'` (RFC 7009 §2.1, confidential clients must
   * authenticate) or `'optional'` (Mobiscroll accepts a bare `{token}`). Default `'required'`.
   */
  revokeClientAuth?: 'required' | 'optional';
  /** Revoking a token revokes every grant of the same user + client (Mobiscroll); default false (only that grant). */
  revokeAllForUser?: boolean;
}

/**
 * An OAuth 2 authorization server mounted on a {@link SimServer}. Its state (codes, tokens, counter) is
 * cleared by `sim.reset()`.
 * @public
 */
export interface OAuthServer {
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly revokeUrl: string;
  /** Validates `Authorization: Bearer`; `undefined` if missing, unknown, expired or revoked. */
  authenticate(ctx: SimContext): OAuthGrant | undefined;
  /** Like `authenticate`, but throws `SimHttpError(401, {error:'invalid_token'})` (RFC 6750 §3.1). */
  requireAuth(ctx: SimContext): OAuthGrant;
  /** Makes every access token issued so far expired (refresh tokens stay valid). */
  expireAccessTokens(): void;
  /** Seeds a grant without the HTTP dance. */
  issue(opts: { userId: string; clientId: string; scope?: string }): { accessToken: string; refreshToken: string; expiresIn: number };
  /**
   * Mounts the same endpoints (same codes and tokens) on another server, e.g. Cronofy exchanges codes on
   * the `app` host and refreshes on the `api` host. Paths default to this server's. `other.reset()` does
   * not clear OAuth state; only the server given to `createOAuthServer` does.
   */
  mount(
    other: SimServer,
    paths?: { prefix?: string; authorizePath?: string; tokenPath?: string; revokePath?: string },
  ): { authorizeUrl: string; tokenUrl: string; revokeUrl: string };
  /** Revokes every token of every grant of `userId` (e.g. the user disconnected the app). */
  revokeUser(userId: string): void;
  /** Number of requests to the token endpoint so far (valid or not). */
  readonly tokenRequests: number;
  /** Replaces the clock. */
  setNow(fn: () => number): void;
}
