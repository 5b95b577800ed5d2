import type { Middleware, RequestMeta } from './middleware.js';
import type { CalRequestInit, FetchLike, HttpClient, HttpClientOptions } from './types.js';
import { ChainRun, type Draft } from './run-chain.js';
import { retryMiddleware } from './retry.js';
import { throttleMiddleware } from './throttle.js';
import { requestHookMiddleware } from './request-hook.js';
import { userAgent } from './user-agent.js';
import { systemClock } from './clock.js';
import { authMiddleware } from '../auth/auth-middleware.js';
import { CalError, isCalError } from '../errors/cal-error.js';
import { AbortedError, NetworkError, ProtocolError, TimeoutError } from '../errors/classes.js';
import { errorFromResponse } from '../errors/from-response.js';
import { assertCredentialOrigin } from './origin-guard.js';
import { DraftHeaders } from './draft-headers.js';

let counter = 0;

/**
 * Per-response cleanup (clear the timeout timer, detach from the caller's signal). `json()` runs it
 * once the body is read; for `request()` the timer stays until it fires so a slow body read is
 * still bounded, but the caller's listener is detached at once so a long-lived signal reused for
 * many requests does not collect listeners.
 */
const cleanups = new WeakMap<Response, () => void>();

/**
 * Builds the family's HTTP client: one fetch seam and one middleware chain
 * (retry → throttle → auth → your middleware → request hook → fetch).
 * @example
 * ```ts
 * const http = createHttpClient({ provider: 'caldav', baseUrl, auth: basicAuth(user, pass) });
 * const res = await http.request('calendars/', { method: 'PROPFIND', headers: { depth: '1' } });
 * ```
 * @public
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const clock = options.clock ?? systemClock;
  const base = options.baseUrl === undefined ? undefined : new URL(String(options.baseUrl));
  const ua = userAgent(options.userAgent);
  const fetchImpl = (): FetchLike => {
    const f = options.fetch ?? (globalThis.fetch as FetchLike | undefined);
    if (!f) throw new NetworkError('No fetch: pass `fetch` in the options', { provider: options.provider });
    return f;
  };
  const secrets = () => options.auth?.secrets() ?? [];
  // Validated once; each request starts from a copy.
  const defaults = new DraftHeaders(options.headers);

  const chain: Middleware[] = [];
  if (options.retry !== false) chain.push(retryMiddleware({ clock, ...options.retry }));
  if (options.throttle) chain.push(throttleMiddleware(options.throttle, clock));
  if (options.auth) chain.push(authMiddleware(options.auth, () => base, options.origins, options.provider));
  chain.push(...(options.middleware ?? []));
  if (options.onRequest) chain.push(requestHookMiddleware(options.onRequest, clock));

  // Resolved hrefs of string paths. Resolving against a base parses both URLs again each time
  // (about 5 µs on Node 20, the largest own cost of a request in bench/core), and clients send
  // the same few paths over and over. Bounded: cleared when full.
  const resolved = new Map<string, string>();

  /** The absolute href of `url` against the base URL. */
  function resolveHref(url: string | URL): string {
    if (typeof url !== 'string') return resolve(url).href;
    let href = resolved.get(url);
    if (href === undefined) {
      href = resolve(url).href;
      if (resolved.size >= 256) resolved.clear();
      resolved.set(url, href);
    }
    return href;
  }

  function resolve(url: string | URL): URL {
    try {
      return base ? new URL(String(url), base) : new URL(String(url));
    } catch (cause) {
      throw new ProtocolError(`Invalid URL: ${String(url)}`, { cause, provider: options.provider });
    }
  }

  /**
   * One logical request through the chain: maps transport failures to CalErrors and, with
   * `check` (`request()`/`json()`, not the openapi-fetch seam), turns a non-2xx status into the
   * matching error. `accept` is the default Accept header. One async function for all of it:
   * on Node 20 every extra promise layer costs ~1.5 µs per request next to real sockets.
   */
  async function send(prepared: Prepared | Promise<Prepared>, init: CalRequestInit, check: boolean, accept?: string): Promise<Response> {
    const { url, headers, body, init: base } = prepared instanceof Promise ? await prepared : prepared;
    if (accept && !headers.has('accept')) headers.set('accept', accept);
    const timeout = init.timeout ?? options.timeout ?? 0;
    const timed = timeout > 0 && Number.isFinite(timeout);
    // The caller's own signal, never `request.signal`: undici's Request follows its source signal
    // through a WeakRef, so a collected intermediate Request would silently drop the abort.
    const caller = init.signal ?? undefined;
    // A controller only when something can abort: on Node 20 undici charges ~13 µs per request
    // for following any signal (listener, max-listeners bump, finalizer; measured in
    // bench/core.bench.mjs), which is the largest single cost of the pipeline.
    const controller = timed || caller ? new AbortController() : undefined;
    const meta: RequestMeta = { attempt: 1, bag: new Map(), signal: controller?.signal };
    if (init.idempotent !== undefined) (meta as { idempotent?: boolean }).idempotent = init.idempotent;
    if (body !== undefined) meta.bag.set('body', body);
    if (init.anonymous) meta.bag.set('anonymous', true);
    // An explicit controller + timer rather than AbortSignal.any/AbortSignal.timeout: on Node 20 a
    // composite of a timeout signal can be garbage-collected before it fires, silently dropping
    // the timeout. The timer keeps running while the caller reads the body, so slow bodies are
    // bounded too; it is unref'd where the runtime supports it and cleared on failure.
    let timedOut = false;
    const timer = timed
      ? setTimeout(() => {
          timedOut = true;
          controller!.abort(new DOMException('The request timed out', 'TimeoutError'));
        }, timeout)
      : undefined;
    (timer as { unref?: () => void } | undefined)?.unref?.();
    let onAbort: (() => void) | undefined;
    if (caller) {
      onAbort = () => controller!.abort(caller.reason);
      if (caller.aborted) onAbort();
      else caller.addEventListener('abort', onAbort, { once: true });
    }
    const detach = () => onAbort && caller!.removeEventListener('abort', onAbort);
    // A draft, not a Request: one is built only if some middleware asks for `params.request`.
    const draft: Draft = { url, method: base.method, headers, redirect: base.redirect };
    let response: Response;
    try {
      response = await new ChainRun(chain, fetchImpl, `${options.provider}-${++counter}`, meta).runFrom(0, draft);
    } catch (error) {
      clearTimeout(timer);
      detach();
      throw toCalError(error, draft, timedOut, caller);
    }
    detach();
    if (!check || response.ok || init.throwHttpErrors === false) {
      if (timer !== undefined) cleanups.set(response, () => clearTimeout(timer));
      return response;
    }
    try {
      throw await errorFromResponse(response, { provider: options.provider, method: base.method, url, secrets: secrets() }, options.parseError);
    } finally {
      clearTimeout(timer);
    }
  }

  function toCalError(error: unknown, request: Draft, timedOut: boolean, caller: AbortSignal | undefined): CalError {
    const ctx = { provider: options.provider, method: request.method, url: request.url, cause: error, secrets: secrets() };
    if (timedOut && (!isCalError(error) || error.code === 'CAL_ABORTED')) return new TimeoutError('Request timed out', ctx);
    if (isCalError(error)) return error;
    if (caller?.aborted) return new AbortedError(undefined, ctx);
    return new NetworkError(`Network error: ${(error as Error)?.message ?? error}`, ctx);
  }

  interface Prepared {
    /** Absolute href. */
    url: string;
    headers: DraftHeaders;
    body: ArrayBuffer | undefined;
    /** Upper-cased method and redirect mode: all the pipeline passes on to fetch besides headers and body. */
    init: { method: string; redirect: RequestRedirect | undefined };
  }

  /**
   * Resolves the URL, merges headers and encodes the body once (retries resend these bytes).
   * Synchronous unless the body needs async encoding (Blob, FormData, stream): each needless
   * `await` is a microtask turn on every request.
   */
  function prepare(url: string | URL, init: CalRequestInit = {}): Prepared | Promise<Prepared> {
    let target = resolveHref(url);
    if (init.query) {
      const withQuery = new URL(target);
      for (const [k, v] of Object.entries(init.query)) {
        if (v === undefined) continue;
        if (Array.isArray(v)) for (const item of v) withQuery.searchParams.append(k, String(item));
        else withQuery.searchParams.set(k, String(v));
      }
      target = withQuery.href;
    }
    const headers = new DraftHeaders(defaults);
    if (init.headers) headers.merge(init.headers);
    if (!headers.has('user-agent')) headers.set('user-agent', ua);
    let raw = init.body as BodyInit | null | undefined;
    if (isPlainJson(raw)) {
      raw = JSON.stringify(raw);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const prepared = (body: ArrayBuffer | undefined): Prepared => ({
      url: target,
      headers,
      body,
      init: { method: (init.method ?? 'GET').toUpperCase(), redirect: init.redirect },
    });
    if (raw == null) return prepared(undefined);
    if (typeof raw === 'string') return prepared(new TextEncoder().encode(raw).buffer as ArrayBuffer);
    // Response encodes Blob, FormData, URLSearchParams, streams and views, with their content-type.
    const encoded = new Response(raw);
    return encoded.arrayBuffer().then((bytes) => {
      const type = encoded.headers.get('content-type');
      if (type && !headers.has('content-type')) headers.set('content-type', type);
      return prepared(bytes);
    });
  }

  /** `request()` and `json()` share this; `accept` is the default Accept header. */
  function request(url: string | URL, init: CalRequestInit, accept?: string): Promise<Response> {
    try {
      return send(prepare(url, init), init, true, accept);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  const client: HttpClient = {
    options,
    resolve(url) {
      const target = resolve(url);
      if (options.auth) assertCredentialOrigin(target, base, options.origins, options.provider);
      return target;
    },
    request: (url, init = {}) => request(url, init),
    async json<T>(url: string | URL, init: CalRequestInit = {}): Promise<T> {
      const response = await request(url, init, 'application/json');
      let text: string;
      try {
        text = await response.text(); // not readText(): one promise layer less per request
      } catch (cause) {
        throw bodyError(cause, response, options.provider);
      } finally {
        cleanups.get(response)?.();
      }
      if (!text) return undefined as T;
      try {
        return JSON.parse(text) as T;
      } catch (cause) {
        throw new ProtocolError('Response is not valid JSON', {
          cause,
          provider: options.provider,
          status: response.status,
          url: response.url,
          body: text.slice(0, 512),
        });
      }
    },
    fetch: async (input, init) => {
      const r = new Request(input, init);
      const extra = (init ?? {}) as CalRequestInit;
      const prepared = await prepare(r.url, { method: r.method, headers: r.headers, body: r.body && (await r.arrayBuffer()) });
      // `r` must stay reachable until the response arrives: its signal only follows the caller's
      // while `r` is alive (see `send`).
      return send(prepared, { ...extra, signal: init?.signal ?? (input instanceof Request ? input.signal : r.signal) }, false).finally(() => void r);
    },
    use(...mw) {
      // user middleware goes before the request hook, so the hook still sees the final request
      const hookAt = chain.findIndex((m) => m.name === 'request-hook');
      chain.splice(hookAt === -1 ? chain.length : hookAt, 0, ...mw);
    },
    eject(mw) {
      const i = chain.findIndex((m) => (typeof mw === 'string' ? m.name === mw : m === mw));
      if (i !== -1) chain.splice(i, 1);
    },
  };

  return client;
}

/**
 * Reads a response body as text, mapping a connection that dies mid-body to `NetworkError`
 * (undici rejects with a bare `TypeError: terminated`).
 * @public
 */
export async function readText(response: Response, provider?: string): Promise<string> {
  try {
    return await response.text();
  } catch (cause) {
    throw bodyError(cause, response, provider);
  }
}

/** The CalError for a body read that failed: timeout, abort, or the connection dying mid-body. */
function bodyError(cause: unknown, response: Response, provider: string | undefined): CalError {
  if (isCalError(cause)) return cause;
  const name = (cause as { name?: string } | null)?.name;
  const ctx = { cause, status: response.status, url: response.url, ...(provider ? { provider } : {}) };
  const msg = 'Failed reading the response body';
  return name === 'TimeoutError' ? new TimeoutError(msg, ctx) : name === 'AbortError' ? new AbortedError(msg, ctx) : new NetworkError(msg, ctx);
}

function isPlainJson(value: unknown): value is object {
  return Array.isArray(value) || (value != null && [Object.prototype, null].includes(Object.getPrototypeOf(value)));
}
