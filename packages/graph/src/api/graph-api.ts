import {
  DEFAULT_TIMEOUT,
  AbortedError,
  NetworkError,
  ProtocolError,
  TimeoutError,
  isCalError,
  type CalError,
  bearerAuth,
  createHttpClient,
  errorFromStatus,
  type FetchLike,
  type HttpClient,
} from '@cal/core';
import createClient, { defaultPathSerializer, type Client } from 'openapi-fetch';
import type { paths } from '../generated/graph-calendar.js';
import { parseGraphError } from '../errors/parse-graph-error.js';
import { MICROSOFT_GRAPH_ORIGINS } from '../connection/microsoft-origins.js';

/** The typed openapi-fetch client over this package's OpenAPI document. @public */
export type GraphClient = Client<paths>;

/** Where the typed API sends requests. Build it with {@link createGraphApi}. @public */
export interface GraphApi {
  /** openapi-fetch client (typed paths, comma-list query serializer, `/me` mapping). */
  readonly client: GraphClient;
  /** The core HTTP client underneath (auth, retry, throttle). */
  readonly http: HttpClient;
  /** API base, e.g. `https://graph.microsoft.com/v1.0`. */
  readonly baseUrl: string;
  /** Mailbox: `me` or a user id / UPN (app-only). */
  readonly user: string;
  /** Windows zone name sent as `Prefer: outlook.timezone`, if any. */
  readonly timeZone: string | undefined;
  /** Default `Prefer: odata.maxpagesize`. */
  readonly pageSize: number | undefined;
}

/** Options of {@link createGraphApi}. @public */
export interface GraphApiOptions {
  /** An authenticated core client, e.g. `connection.http` of a `GraphConnection`. */
  http?: HttpClient;
  /** Or just a token (from MSAL, your own flow…): string or function called per request. */
  accessToken?: string | (() => string | Promise<string>);
  /** @default https://graph.microsoft.com/v1.0 (or the `http` client's base URL) */
  baseUrl?: string;
  /** With `accessToken`: the fetch to use. */
  fetch?: FetchLike;
  /** `me` (default) or a user id / UPN for app-only access. */
  user?: string;
  /** Windows time-zone name for `Prefer: outlook.timezone` (map IANA names with `toWindowsZone`). */
  timeZone?: string;
  /** Default `Prefer: odata.maxpagesize` for lists. */
  pageSize?: number;
}

const ME = 'me';

/**
 * Builds the typed Graph calendar API context. Either from a `GraphConnection` (`{ http: con.http }`)
 * or from a bare access token — the light path that leaves OAuth out of the bundle.
 * @example
 * ```ts
 * const api = createGraphApi({ accessToken: () => msal.getToken() });
 * for await (const ev of calendarView(api, { start, end })) console.log(ev.subject);
 * ```
 * @public
 */
export function createGraphApi(options: GraphApiOptions): GraphApi {
  const http =
    options.http ??
    createHttpClient({
      provider: 'graph',
      baseUrl: options.baseUrl ?? 'https://graph.microsoft.com/v1.0/',
      userAgent: '@cal/graph/0.1.0',
      auth: bearerAuth(options.accessToken ?? ''),
      origins: { allow: MICROSOFT_GRAPH_ORIGINS },
      retry: { statusCodes: [429, 500, 502, 503, 504] },
      parseError: parseGraphError,
      timeout: DEFAULT_TIMEOUT,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  const baseUrl = String(options.baseUrl ?? http.options.baseUrl ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, '');
  const user = options.user ?? ME;
  const client = createClient<paths>({
    baseUrl,
    fetch: (request: Request) => http.fetch(request),
    // OData $select / $orderby take comma lists (`$select=subject,start`), not repeated keys.
    querySerializer: { array: { style: 'form', explode: false } },
    // Paths are written once under /users/{user-id}; `me` is sent as Graph's /me alias.
    pathSerializer: (pathname, params) =>
      defaultPathSerializer(params['user-id'] === ME ? pathname.replace('/users/{user-id}', '/me') : pathname, params),
  });
  return { client, http, baseUrl, user, timeZone: options.timeZone, pageSize: options.pageSize };
}

/** `Prefer` header value for the context plus extra preferences. @internal */
export function preferHeader(api: GraphApi, extra: { timeZone?: string | undefined; pageSize?: number | undefined } = {}): Record<string, string> {
  const prefs: string[] = [];
  const tz = extra.timeZone ?? api.timeZone;
  if (tz) prefs.push(`outlook.timezone="${tz}"`);
  const size = extra.pageSize ?? api.pageSize;
  if (size) prefs.push(`odata.maxpagesize=${size}`);
  return prefs.length ? { Prefer: prefs.join(', ') } : {};
}

/** The path params for the context's mailbox. @internal */
export function userPath(api: GraphApi): { 'user-id': string } {
  return { 'user-id': api.user };
}

/**
 * Unwraps an openapi-fetch result: the data for 2xx, else the core error for the status with Graph's
 * `code` kept (`providerCode`). Secrets are redacted by core.
 * @internal
 */
export async function unwrap<T>(api: GraphApi, result: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let settled: { data?: T; error?: unknown; response: Response };
  try {
    settled = await result;
  } catch (cause) {
    throw transportError(cause);
  }
  const { data, error, response } = settled;
  if (response.ok) return data as T;
  const ctx = parseGraphError(response, error) ?? {};
  throw errorFromStatus(response.status, response.headers, {
    provider: 'graph',
    url: response.url,
    ...(error === undefined ? {} : { body: error }),
    secrets: api.http.options.auth?.secrets() ?? [],
    ...ctx,
  });
}

/**
 * Follows a server-sent link (`@odata.nextLink` / `@odata.deltaLink`) verbatim (paging.md), with the
 * same `Prefer` headers. A link to any origin other than the API's or Microsoft Graph's is refused
 * with `ProtocolError` before the token could leave.
 * @internal
 */
export async function followLink<T>(api: GraphApi, link: string, headers: Record<string, string>, signal?: AbortSignal): Promise<T> {
  let url: URL;
  try {
    url = new URL(link);
  } catch (cause) {
    throw new ProtocolError('Graph sent an invalid link', { provider: 'graph', cause });
  }
  const own = new URL(api.baseUrl).origin;
  if (url.origin !== own && !MICROSOFT_GRAPH_ORIGINS.includes(url.origin)) {
    throw new ProtocolError(`Refusing to follow a link to foreign origin ${url.origin}`, { provider: 'graph', url });
  }
  return api.http.json<T>(url, { headers, ...(signal ? { signal } : {}) });
}

/**
 * openapi-fetch parses bodies itself, so a body that is not JSON surfaces as a bare SyntaxError and a
 * connection dying mid-body as a TypeError: map both (and aborts) to core errors — never a raw error.
 * @internal
 */
export function transportError(cause: unknown): CalError {
  if (isCalError(cause)) return cause;
  const name = (cause as { name?: string } | null)?.name;
  if (name === 'SyntaxError') return new ProtocolError('Graph response is not valid JSON', { provider: 'graph', cause });
  if (name === 'TimeoutError') return new TimeoutError('Timed out while reading the response', { provider: 'graph', cause });
  if (name === 'AbortError') return new AbortedError('Aborted while reading the response', { provider: 'graph', cause });
  return new NetworkError('The connection failed while reading the response', { provider: 'graph', cause });
}
