/**
 * Public types of the simulator harness: one loopback `node:http` server on which a simulator mounts
 * routes, records every request and injects wire-level faults.
 */

/**
 * What a route handler returns. `body` as an object is serialised as JSON with
 * `content-type: application/json` (unless `headers` already names a content-type); a string defaults to
 * `text/plain; charset=utf-8`, bytes to `application/octet-stream`.
 * @public
 */
export interface SimResult {
  /** HTTP status; default 200. */
  status?: number;
  /** Response headers (any case). */
  headers?: Record<string, string>;
  /** Response body. */
  body?: string | Uint8Array | object;
}

/**
 * Everything a handler gets about one request. The body has already been read in full (cap 10 MB).
 * @public
 */
export interface SimContext {
  /** Upper-case method, e.g. `GET`. */
  method: string;
  /** Absolute request URL (host as the client sent it). */
  url: URL;
  /** Raw (still percent-encoded) path, without query. */
  path: string;
  /** Route parameters (`:name` segments, percent-decoded); a trailing `*` lands in `params['*']`. */
  params: Record<string, string>;
  /** Query string. */
  query: URLSearchParams;
  /** Request headers, lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Request body as UTF-8 text (`''` when absent). */
  body: string;
  /** Parses the body as JSON; throws `SimHttpError(400, {error:'invalid_json'})` when it is not JSON. */
  json<T = unknown>(): T;
  /** Parses the body as `application/x-www-form-urlencoded`. */
  form(): URLSearchParams;
  /** Decodes `Authorization: Basic` (RFC 7617); `undefined` when absent or malformed. No form-decoding is applied. */
  basicAuth(): { user: string; pass: string } | undefined;
  /** The token of `Authorization: Bearer` (RFC 6750 §2.1); `undefined` when absent. */
  bearer(): string | undefined;
  /** The server handling the request. */
  server: SimServer;
}

/**
 * A route handler; may be async. Throwing {@link SimHttpError} sends that response; any other throw sends
 * 500 `{error:'internal_error'}` and is kept in {@link SimServer.errors}.
 * @public
 */
export type SimHandler = (ctx: SimContext) => SimResult | Promise<SimResult>;

/**
 * One request as the server saw it, appended to {@link SimServer.log} on arrival.
 * @public
 */
export interface RecordedRequest {
  /** Upper-case method. */
  method: string;
  /** Raw path without query. */
  path: string;
  /** Query string. */
  query: URLSearchParams;
  /** Absolute URL as requested. */
  url: string;
  /** Lower-case request headers. */
  headers: Record<string, string>;
  /** Body text (filled in once fully read). */
  body: string;
  /** Arrival time, `Date.now()` ms. */
  at: number;
  /** Status sent (set once the response head is written; absent for a request whose socket was destroyed first). */
  status?: number;
  /** Kind of the fault injected into this request, if any. */
  fault?: Fault['kind'];
}

/**
 * Which requests a fault applies to. Requests are counted per fault: the fault fires on matching request
 * number `nth` (default 1) and the `times - 1` matching requests after it, then removes itself.
 * @public
 */
export interface FaultMatch {
  /** Method to match (any case); absent or `'*'` = any. */
  method?: string;
  /** Path pattern (same syntax as {@link SimServer.route}) or a RegExp tested against the raw path. Absent = any. */
  path?: string | RegExp;
  /** 1-based: first matching request the fault fires on. Default 1. */
  nth?: number;
  /** How many consecutive matching requests (from `nth`) it fires on. Default 1; `Infinity` allowed. */
  times?: number;
}

/**
 * Fault kinds:
 * - `status`: answer with `status` instead of running the handler (429/5xx…), optional `Retry-After`.
 * - `unauthorized`: 401 with `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750 §3.1), handler skipped.
 * - `reset`: the handler runs, the head and part of the body are sent, then the socket is destroyed.
 * - `slow-headers`: waits `delayMs` before doing anything (then handles the request normally).
 * - `truncated`: `Content-Length` announces N bytes, fewer are sent, then the socket is closed.
 * - `malformed`: the handler's body is replaced by unparsable bytes of the same content-type.
 * - `content-type`: the response claims `contentType` with a body of that type (e.g. a proxy's HTML page).
 * @public
 */
export type Fault = FaultMatch &
  (
    | {
        kind: 'status';
        status: number;
        /** Seconds (number) or an HTTP-date / raw string for `Retry-After` (RFC 9110 §10.2.3). */
        retryAfter?: number | string;
        body?: SimResult['body'];
        headers?: Record<string, string>;
      }
    | { kind: 'unauthorized'; body?: SimResult['body'] }
    | { kind: 'reset' }
    | { kind: 'slow-headers'; delayMs: number }
    | { kind: 'truncated' }
    | { kind: 'malformed' }
    | { kind: 'content-type'; contentType: string }
  );

/**
 * Adds and removes faults on a {@link SimServer}.
 * @public
 */
export interface FaultInjector {
  /** Adds a fault; returns a function removing it. */
  add(fault: Fault): () => void;
  /** Removes every fault. */
  clear(): void;
  /** Faults still armed (in insertion order). */
  readonly active: readonly Fault[];
}

/**
 * A running simulator server on a loopback address.
 * @public
 */
export interface SimServer {
  /** `http://HOST:PORT`, no trailing slash. */
  readonly url: string;
  /** Bound port. */
  readonly port: number;
  /** Bound host (default `127.0.0.1`). */
  readonly host: string;
  /** Name given at creation (for debug output). */
  readonly name: string;
  /**
   * Mounts a handler. `method` is a method name or `'*'`. `pattern` segments `:name` capture one segment;
   * a trailing `*` captures the rest (possibly empty) into `params['*']`. Most specific pattern wins
   * (literal > `:param` > `*`, per segment); re-registering the same method + pattern replaces the handler.
   * A path that matches only under other methods answers 405 with `Allow`; HEAD falls back to GET.
   */
  route(method: string, pattern: string, handler: SimHandler): void;
  /** Every request, in arrival order. */
  readonly log: RecordedRequest[];
  /** Fault injection. */
  readonly faults: FaultInjector;
  /** Unexpected handler errors (not {@link SimHttpError}), in order; cleared by `reset()`. */
  readonly errors: unknown[];
  /** Clears log, faults and errors, then runs every `onReset` hook (simulator state). */
  reset(): void;
  /** Registers a hook run by `reset()`. */
  onReset(fn: () => void): void;
  /** Stops listening, destroys every socket (keep-alive included) and pending fault timers. Idempotent. */
  close(): Promise<void>;
}

/**
 * Options of {@link createSimServer}.
 * @public
 */
export interface SimServerOptions {
  /** Name for debug output. */
  name?: string;
  /** Loopback address to bind; default `127.0.0.1`. Other `127.x.y.z` addresses emulate distinct origins. */
  host?: string;
  /** Port; default 0 (ephemeral). */
  port?: number;
  /** Body size cap in bytes; default 10 MB (larger bodies get 413). */
  maxBodyBytes?: number;
}
