import { bad } from './errors.js';
import {
  DEFAULT_TIMEOUT,
  AbortedError,
  AuthenticationError,
  NetworkError,
  TimeoutError,
  basicAuth,
  bearerAuth,
  createHttpClient,
  type AuthStrategy,
  type FetchLike,
  type HttpClient,
  type RequestHook,
  type RetryOptions,
} from '@cal/core';
import { child } from '@cal/core/xml';
import type { Calendar } from './calendar.js';
import * as bodies from './dav/bodies.js';
import { prop, propHref, type Multistatus } from './dav/multistatus.js';
import { CALDAV, DAV } from './dav/namespaces.js';
import { Principal, readPrincipal } from './principal.js';
import { later } from './on-demand.js';
import { DavTransport } from './transport.js';

/** Package version, sent in the User-Agent. */
export const VERSION = '0.1.0';

/** Options of {@link CalDAVClient}. @public */
export interface CalDAVClientOptions {
  /** Server URL: the DAV root, a principal, or a calendar home (`https://dav.example.com/`, `http://127.0.0.1:8080/dav/`). */
  url: string | URL;
  /** `basic(user, pass)`, `bearer(token)`, `digest(user, pass)` or any `@cal/core` AuthStrategy. */
  auth?: AuthStrategy;
  /** fetch to use (default: global fetch, looked up per call). */
  fetch?: FetchLike;
  /** Per-request timeout in ms (default 30,000). */
  timeout?: number;
  /** Retry policy of core's HTTP client (429/503 with Retry-After, 5xx on idempotent requests). */
  retry?: RetryOptions | false;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Redacted request observer (method, URL, status, timing). */
  onRequest?: RequestHook;
  /** Allow credentials over plain http to non-loopback hosts (default false). */
  allowInsecureHttp?: boolean;
}

/**
 * HTTP Basic credentials, sent pre-emptively: Cyrus answers an anonymous PROPFIND with 207
 * `<unauthenticated/>` instead of 401 (servers.md §C.4), so waiting for a challenge never works.
 * @public
 */
export function basic(username: string, password: string): AuthStrategy {
  if (typeof username !== 'string' || typeof password !== 'string')
    throw bad('basic', 'username', 'required', 'basic() needs a username and a password');
  return basicAuth(username, password);
}

/** Bearer token (OAuth 2 access token, e.g. Nextcloud OIDC), static or from a function. @public */
export function bearer(token: string | (() => string | Promise<string>)): AuthStrategy {
  return bearerAuth(token);
}

/**
 * A CalDAV client (RFC 4791, 6578, 6638, 6764).
 * @example
 * ```ts
 * const client = new CalDAVClient({ url: 'https://dav.example.com/', auth: basic('me', 'secret') });
 * const principal = await client.principal();
 * const [cal] = await principal.calendars();
 * const ev = await cal.createEvent({ summary: 'Lunch', start: new Date('2025-03-10T12:00:00Z'), end: new Date('2025-03-10T13:00:00Z') });
 * ```
 * @public
 */
export class CalDAVClient {
  /** The server URL given to the constructor. */
  readonly url: string;
  /** core HTTP client (exposed for raw requests). */
  readonly http: HttpClient;
  readonly #dav: DavTransport;
  #principal: Promise<Principal> | undefined;

  constructor(options: CalDAVClientOptions) {
    if (!options || typeof options !== 'object') throw bad('CalDAVClient', 'options', 'required', 'CalDAVClient needs options');
    let url: URL;
    try {
      url = new URL(String(options.url));
    } catch {
      throw bad('CalDAVClient', 'url', 'invalid', 'url must be an absolute http(s) URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw bad('CalDAVClient', 'url', 'invalid', 'url must be http(s)');
    if (options.timeout !== undefined && !(Number.isFinite(options.timeout) && options.timeout > 0))
      throw bad('CalDAVClient', 'timeout', 'invalid', 'timeout must be a positive number of ms');
    this.url = url.href;
    this.http = createHttpClient({
      provider: 'caldav',
      baseUrl: url,
      userAgent: `@cal/caldav/${VERSION}`,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.auth ? { auth: options.auth } : {}),
      timeout: options.timeout ?? DEFAULT_TIMEOUT,
      ...(options.retry !== undefined ? { retry: options.retry } : {}),
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
      ...(options.allowInsecureHttp ? { origins: { allowInsecureHttp: true } } : {}),
      // python-caldav's default Accept; Content-Type is set per request.
      headers: { accept: 'application/xml, text/xml, text/calendar;q=0.9, */*;q=0.1', ...options.headers },
    });
    this.#dav = new DavTransport(this.http);
  }

  /**
   * Discovers the principal: PROPFIND `current-user-principal` (RFC 5397) on the URL, then on
   * `/.well-known/caldav` (RFC 6764 §5), then falls back to the URL itself; then reads
   * `calendar-home-set` (RFC 4791 §6.2.1). Cached: later calls reuse the first result.
   */
  principal(): Promise<Principal> {
    this.#principal ??= this.#discover().catch((e: unknown) => {
      this.#principal = undefined;
      throw e;
    });
    return this.#principal;
  }

  /** A calendar by URL without discovery (one PROPFIND Depth 0). */
  async calendar(url: string): Promise<Calendar> {
    return later('calendarAt', this.#dav, url, this.url, false);
  }

  async #currentUserPrincipal(url: string): Promise<string | undefined> {
    let ms: Multistatus;
    try {
      ms = await this.#dav.multistatus('PROPFIND', url, { body: bodies.propfind([[DAV, 'current-user-principal']]), depth: '0' });
    } catch (e) {
      // Fall back to the next candidate only when this URL does not answer the question (404,
      // 405, a non-DAV body…). Bad credentials, a timeout, an abort or a dead connection would
      // fail the same way on the next URL: surface them now instead of waiting out each probe.
      if (e instanceof AuthenticationError || e instanceof TimeoutError || e instanceof NetworkError || e instanceof AbortedError) throw e;
      return undefined;
    }
    for (const r of ms.responses) {
      // Cyrus: anonymous PROPFIND → 207 with <D:unauthenticated/> (servers.md §C.4). We send
      // credentials up front, so seeing it means there were none or the strategy is challenge-based.
      if (child(prop(r, DAV, 'current-user-principal'), DAV, 'unauthenticated'))
        throw new AuthenticationError(
          'The server saw no credentials (207 <unauthenticated/>): use basic()/bearer(), sent up front; digest() needs a URL that answers 401, e.g. the calendar home',
          { provider: 'caldav', url, status: 207 },
        );
      const href = propHref(r, DAV, 'current-user-principal', url);
      if (href) return href;
    }
    return undefined;
  }

  async #discover(): Promise<Principal> {
    const principalUrl =
      (await this.#currentUserPrincipal(this.url)) ??
      (await this.#currentUserPrincipal(new URL('/.well-known/caldav', this.url).href)) ??
      this.url;
    const ms = await this.#dav.multistatus('PROPFIND', principalUrl, {
      body: bodies.propfind([
        [CALDAV, 'calendar-home-set'],
        [CALDAV, 'calendar-user-address-set'],
        [CALDAV, 'schedule-inbox-URL'],
        [CALDAV, 'schedule-outbox-URL'],
        [DAV, 'displayname'],
      ]),
      depth: '0',
    });
    return readPrincipal(this.#dav, principalUrl, ms);
  }
}
