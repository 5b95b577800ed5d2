import {
  DEFAULT_TIMEOUT,
  MemoryTokenStore,
  ValidationError,
  createHttpClient,
  type CalRequestInit,
  type HttpClient,
  type TokenSet,
  type TokenStore,
} from '@cal/core';
import { createOAuth2Auth, type OAuth2Auth } from '@cal/core/oauth2';
import { parseGraphError } from '../errors/parse-graph-error.js';
import { MSGraphProtocol, type Protocol } from '../protocol/protocol.js';
import type { AuthFlowType, GraphConnectionOptions, GraphRequestOptions } from './connection-options.js';
import { defaultHeadersMiddleware } from './default-headers.js';
import { MICROSOFT_AUTHORITY, MICROSOFT_GRAPH_ORIGINS, NATIVE_CLIENT_REDIRECT } from './microsoft-origins.js';
import { validateOptions } from './validate-options.js';

const VERSION = '0.1.0';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** O365's retry statuses (`status_forcelist=(429, 500, 502, 503, 504)`). */
const RETRY_STATUSES = [429, 500, 502, 503, 504];

/**
 * A Microsoft Graph connection with O365 `Connection` parity: OAuth flows (authorization code,
 * public client with PKCE, client credentials) on `@cal/core/oauth2`, token store with the
 * cross-process refresh rule, request delay, retries honouring `Retry-After`, optional raw responses,
 * default headers, protocol (Graph or Business Central), and a pluggable `fetch`.
 *
 * The token goes only to the API base's origin and Microsoft's Graph hosts; everything else gets
 * `ProtocolError`.
 * @example
 * ```ts
 * const con = new GraphConnection({ clientId, clientSecret, scopes: ['basic', 'calendar_all'] });
 * const { url, state, codeVerifier } = await con.getAuthorizationUrl({ redirectUri });
 * // … the user signs in and comes back to redirectUri …
 * await con.requestToken(callbackUrl, { state, redirectUri, codeVerifier });
 * const me = await (await con.get('me')).json();
 * ```
 * @public
 */
export class GraphConnection {
  /** The options after defaults. */
  readonly authFlowType: AuthFlowType;
  readonly tenantId: string;
  readonly protocol: Protocol;
  /** Scopes requested, helpers expanded and prefixed. */
  readonly scopes: readonly string[];
  readonly requestsDelay: number;
  readonly requestRetries: number;
  readonly raiseHttpErrors: boolean;
  readonly tokenStore: TokenStore;
  /** API base, e.g. `https://graph.microsoft.com/v1.0/`. */
  readonly baseUrl: string;
  /** The underlying core HTTP client (authenticated). */
  readonly http: HttpClient;
  /** The OAuth 2 strategy (tokens, refresh). */
  readonly oauth: OAuth2Auth;
  /** Authorization and token endpoints for the tenant. */
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  private readonly redirectUri: string;
  private readonly naive: HttpClient;

  constructor(readonly options: GraphConnectionOptions) {
    validateOptions(options);
    this.authFlowType = options.authFlowType ?? 'authorization';
    this.tenantId = options.tenantId ?? 'common';
    this.protocol = options.protocol ?? new MSGraphProtocol();
    this.requestsDelay = options.requestsDelay ?? 200;
    this.requestRetries = options.requestRetries ?? 3;
    this.raiseHttpErrors = options.raiseHttpErrors ?? true;
    this.tokenStore = options.tokenStore ?? new MemoryTokenStore();
    this.baseUrl = withSlash(options.baseUrl ?? this.protocol.serviceUrl);
    this.redirectUri = options.redirectUri ?? NATIVE_CLIENT_REDIRECT;
    const authority = (options.authorityHost ?? MICROSOFT_AUTHORITY).replace(/\/+$/, '');
    this.authorizationEndpoint = `${authority}/${this.tenantId}/oauth2/v2.0/authorize`;
    this.tokenEndpoint = `${authority}/${this.tenantId}/oauth2/v2.0/token`;

    const app = this.authFlowType === 'credentials';
    // Client credentials take `{resource}/.default` (scopes of a single resource); delegated flows
    // need offline_access for a refresh token (v2-oauth2-auth-code-flow.md).
    const scopes = app
      ? options.scopes?.length ? this.protocol.getScopesFor(options.scopes) : [this.protocol.prefixScope('.default')]
      : this.protocol.getScopesFor([...(options.scopes ?? ['basic', 'calendar_all']), 'offline_access']);
    this.scopes = scopes;

    this.oauth = createOAuth2Auth({
      provider: 'graph',
      clientId: options.clientId,
      ...(options.clientSecret && this.authFlowType !== 'public' ? { clientSecret: options.clientSecret, clientAuth: 'post' as const } : { clientAuth: 'none' as const }),
      authorizationEndpoint: this.authorizationEndpoint,
      tokenEndpoint: this.tokenEndpoint,
      // id_tokens name the user's real tenant in `iss` (reference §7): only a GUID tenant lets the
      // issuer be known up front; for common/organizations/domains request no `openid` scope.
      ...(GUID.test(this.tenantId) ? { issuer: `${authority}/${this.tenantId}/v2.0` } : {}),
      redirectUri: this.redirectUri,
      scopes,
      tokenStore: this.tokenStore,
      storeKey: options.storeKey ?? `graph:${this.tenantId}:${options.clientId}`,
      grant: app ? 'client_credentials' : 'authorization_code',
      ...(options.tokens ? { tokens: options.tokens } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.onTokensRefreshed ? { onTokensRefreshed: options.onTokensRefreshed } : {}),
    });

    const common = {
      provider: 'graph',
      baseUrl: this.baseUrl,
      userAgent: `@cal/graph/${VERSION}`,
      retry: { limit: this.requestRetries, statusCodes: RETRY_STATUSES, ...(options.clock ? { clock: options.clock } : {}) },
      throttle: this.requestsDelay,
      middleware: [defaultHeadersMiddleware(options.defaultHeaders ?? {})],
      parseError: parseGraphError,
      timeout: options.timeout ?? DEFAULT_TIMEOUT,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    };
    this.http = createHttpClient({ ...common, auth: this.oauth, origins: { allow: MICROSOFT_GRAPH_ORIGINS } });
    this.naive = createHttpClient(common);
  }

  /**
   * Starts the authorization flow: the URL the user must open. PKCE (S256) is always used — required
   * for public clients, recommended for all (v2-oauth2-auth-code-flow.md). Keep `state` and
   * `codeVerifier` for {@link GraphConnection.requestToken}.
   */
  async getAuthorizationUrl(options: { redirectUri?: string; scopes?: readonly string[]; state?: string; params?: Record<string, string> } = {}): Promise<{ url: string; state: string; codeVerifier?: string }> {
    if (this.authFlowType === 'credentials') {
      throw new ValidationError("The 'credentials' flow has no authorization URL: call requestToken()", { provider: 'graph', operation: 'getAuthorizationUrl' });
    }
    const scopes = options.scopes ? this.protocol.getScopesFor([...options.scopes, 'offline_access']) : this.scopes;
    return this.oauth.authorizationUrl({
      scopes,
      pkce: true,
      redirectUri: options.redirectUri ?? this.redirectUri,
      ...(options.state ? { state: options.state } : {}),
      ...(options.params ? { params: options.params } : {}),
    });
  }

  /**
   * Completes authentication and stores the token. Delegated flows pass the URL the user was
   * redirected to (its `state` is checked); the `credentials` flow needs no URL.
   */
  async requestToken(
    authorizationResponseUrl?: string | URL,
    options: { state?: string; redirectUri?: string; codeVerifier?: string; scopes?: readonly string[] } = {},
  ): Promise<TokenSet> {
    if (this.authFlowType === 'credentials') {
      return this.oauth.clientCredentials({ scopes: options.scopes ? this.protocol.getScopesFor(options.scopes) : this.scopes });
    }
    if (!authorizationResponseUrl) {
      throw new ValidationError('authorizationResponseUrl is required', { provider: 'graph', operation: 'requestToken', details: [{ field: 'authorizationResponseUrl', description: 'the redirect URL with ?code=…&state=…' }] });
    }
    return this.oauth.exchangeCode(
      { callbackUrl: authorizationResponseUrl, ...(options.state ? { expectedState: options.state } : {}) },
      { redirectUri: options.redirectUri ?? this.redirectUri, ...(options.codeVerifier ? { codeVerifier: options.codeVerifier } : {}) },
    );
  }

  /**
   * Gets a new access token now. Also happens automatically shortly before expiry and once after a
   * 401. With a `tokenStore` that implements `lock`, a token another process refreshed meanwhile is
   * reused instead (O365 `should_refresh_token`).
   */
  async refreshToken(): Promise<TokenSet> {
    if (this.authFlowType === 'credentials') return this.oauth.clientCredentials({ scopes: this.scopes });
    return this.oauth.refresh({ force: true });
  }

  /** The stored token set, if any. */
  getTokens(): Promise<TokenSet | undefined> {
    return this.oauth.getTokens();
  }

  /** Authenticated request. Returns the `Response`; non-2xx throws a `CalError` unless `raiseHttpErrors: false`. */
  request(method: string, url: string | URL, init: GraphRequestOptions & { body?: unknown } = {}): Promise<Response> {
    return this.http.request(relative(url), this.init(method, init));
  }

  /** GET with OData-friendly query params (O365 `get(url, params)`). */
  get(url: string | URL, options: GraphRequestOptions = {}): Promise<Response> {
    return this.request('GET', url, options);
  }

  /** POST a JSON body. */
  post(url: string | URL, data?: unknown, options: GraphRequestOptions = {}): Promise<Response> {
    return this.request('POST', url, { ...options, body: data });
  }

  /** PUT a JSON body. */
  put(url: string | URL, data?: unknown, options: GraphRequestOptions = {}): Promise<Response> {
    return this.request('PUT', url, { ...options, body: data });
  }

  /** PATCH a JSON body (send only the changed fields). */
  patch(url: string | URL, data?: unknown, options: GraphRequestOptions = {}): Promise<Response> {
    return this.request('PATCH', url, { ...options, body: data });
  }

  /** DELETE. */
  delete(url: string | URL, options: GraphRequestOptions = {}): Promise<Response> {
    return this.request('DELETE', url, options);
  }

  /** A request WITHOUT the token (O365 `naive_request`), e.g. to a pre-authenticated upload URL. */
  naiveRequest(url: string | URL, method: string, init: GraphRequestOptions & { body?: unknown } = {}): Promise<Response> {
    return this.naive.request(relative(url), this.init(method, init));
  }

  private init(method: string, o: GraphRequestOptions & { body?: unknown }): CalRequestInit {
    const query: NonNullable<CalRequestInit['query']> = {};
    for (const [k, v] of Object.entries(o.params ?? {})) {
      // OData system query options take comma lists, not repeated keys.
      query[k] = Array.isArray(v) ? v.join(',') : (v as string | number | boolean | undefined);
    }
    const body = o.body;
    return {
      method,
      query,
      throwHttpErrors: this.raiseHttpErrors,
      ...(o.headers ? { headers: o.headers } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.timeout === undefined ? {} : { timeout: o.timeout }),
      ...(o.idempotent === undefined ? {} : { idempotent: o.idempotent }),
      ...(body === undefined ? {} : { body: body as NonNullable<CalRequestInit['body']> }),
    };
  }
}

/**
 * `'/me/events'` means "under the API base" to Graph users (Microsoft's SDKs take it that way), but URL
 * resolution would drop the `/v1.0/` path: treat a leading single slash as relative.
 */
function relative(url: string | URL): string | URL {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url.slice(1) : url;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
