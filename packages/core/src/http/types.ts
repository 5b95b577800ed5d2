import type { AuthStrategy } from '../auth/strategy.js';
import type { Middleware } from './middleware.js';
import type { RetryOptions } from './retry.js';
import type { RequestHook } from './request-hook.js';
import type { OriginPolicy } from './origin-guard.js';
import type { ErrorContext } from '../errors/from-response.js';

/** A `fetch`-compatible function: the one seam every `@cal/*` client sends requests through. @public */
export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/**
 * Options of {@link createHttpClient}. Every provider client builds one of these.
 * @public
 */
export interface HttpClientOptions {
  /** Provider name put on errors and in the `User-Agent` (e.g. `caldav`). */
  provider: string;
  /** Base URL that relative paths resolve against; its origin is the one that gets credentials. */
  baseUrl?: string | URL;
  /**
   * The `fetch` to use. Looked up at call time (never captured at import), so test doubles,
   * proxies (`@cal/core/node`) and polyfills installed later still apply.
   * @default globalThis.fetch
   */
  fetch?: FetchLike;
  /** Headers added to every request (a request's own headers win). */
  headers?: Record<string, string>;
  /** `User-Agent` product token, e.g. `@cal/caldav/0.1.0`; core appends itself. */
  userAgent?: string;
  /**
   * Per-request timeout in ms (whole request, all retries included, body read by `json()`
   * included). `0` or unset means none, as in `fetch`, openapi-fetch, octokit and the AWS SDK.
   * Every provider package sets {@link DEFAULT_TIMEOUT} unless told otherwise.
   * @default 0 (none)
   */
  timeout?: number;
  /** Credentials. */
  auth?: AuthStrategy;
  /** Retry policy; `false` turns retries off. @default {} (2 retries, idempotent methods only) */
  retry?: RetryOptions | false;
  /** Minimum delay between two requests of this client, in ms (O365 `requests_delay`). @default 0 */
  throttle?: number;
  /** Observer called after each attempt with redacted request/response facts (pycronofy `set_request_hook`). */
  onRequest?: RequestHook;
  /** Extra middleware, run after the built-in ones (closest to the network). */
  middleware?: Middleware[];
  /** Which origins may receive credentials besides the base URL's. */
  origins?: OriginPolicy;
  /**
   * Parses a provider's error body into {@link ErrorContext} (provider code, message, details).
   * Called for every non-2xx response that `request()` turns into an error.
   */
  parseError?: (response: Response, body: unknown) => ErrorContext | undefined;
  /** Injectable clock and timer, so retry/throttle tests run instantly. */
  clock?: Clock;
}

/** Time source for retries, throttling and token expiry; tests inject a fake. @public */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Per-request options on top of `RequestInit`. @public */
export interface CalRequestInit extends Omit<RequestInit, 'body'> {
  /** Body; a plain object or array is sent as JSON. */
  body?: BodyInit | Record<string, unknown> | unknown[] | null;
  /** Query parameters appended to the URL; `undefined` values are skipped. */
  query?: Record<string, string | number | boolean | undefined | readonly (string | number)[]>;
  /** Timeout for this request in ms, overriding the client's. */
  timeout?: number;
  /** Mark a POST/PATCH as safe to repeat, so the retry middleware may retry it. */
  idempotent?: boolean;
  /** When false, a non-2xx response is returned instead of thrown. @default true */
  throwHttpErrors?: boolean;
  /** Skip authentication (e.g. discovery, token endpoints). */
  anonymous?: boolean;
}

/** The family's HTTP client. @public */
export interface HttpClient {
  /**
   * Sends a request through the middleware chain. Non-2xx responses throw the matching
   * `CalError` unless `throwHttpErrors: false`.
   */
  request(url: string | URL, init?: CalRequestInit): Promise<Response>;
  /** Like `request`, then parses JSON (`undefined` for 204/empty). A body that is not JSON throws `ProtocolError`. */
  json<T = unknown>(url: string | URL, init?: CalRequestInit): Promise<T>;
  /**
   * The chain as a plain `fetch` (never throws on HTTP status), to hand to openapi-fetch's
   * `createClient({ fetch })` or oauth4webapi's `customFetch`.
   */
  readonly fetch: FetchLike;
  /** Resolves a URL against the base and checks the origin policy; throws `ProtocolError` when refused. */
  resolve(url: string | URL): URL;
  /** Adds middleware at the end of the chain. */
  use(...middleware: Middleware[]): void;
  /** Removes middleware by reference or by name. */
  eject(middleware: Middleware | string): void;
  /** The options the client was built with. */
  readonly options: Readonly<HttpClientOptions>;
}
