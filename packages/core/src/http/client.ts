import type { Middleware, RequestMeta } from './middleware.js';
import type { CalRequestInit, FetchLike, HttpClient, HttpClientOptions } from './types.js';
import { runFrom, type Draft } from './run-chain.js';
import { retryMiddleware } from './retry.js';
import { throttleMiddleware } from './throttle.js';
import { requestHookMiddleware } from './request-hook.js';
import { userAgent } from './user-agent.js';
import { systemClock } from './clock.js';
import { authMiddleware } from '../auth/auth-middleware.js';
import { isCalError, type CalError, type CalErrorOptions } from '../errors/cal-error.js';
import { AbortedError, NetworkError, ProtocolError, TimeoutError } from '../errors/classes.js';
import { errorFromResponse } from '../errors/from-response.js';
import { assertCredentialOrigin } from './origin-guard.js';
import { DraftHeaders } from './draft-headers.js';

let counter = 0;

/**
 * The timeout timer of a response handed back before its body was read. `json()` clears it once
 * the body is read; for `request()` it stays until it fires, so a slow body read is still bounded.
 */
const timers = new WeakMap<Response, ReturnType<typeof setTimeout>>();

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
  const { provider, auth, origins } = options;
  const clock = options.clock ?? systemClock;
  const base = options.baseUrl ? new URL(options.baseUrl) : undefined;
  const ua = userAgent(options.userAgent);
  // Validated once; each request starts from a copy.
  const defaults = new DraftHeaders(options.headers);
  /** What every error of this client carries; the strategy's secrets get scrubbed from it. */
  const context = (url: string, method?: string, status?: number): CalErrorOptions => ({
    provider,
    url,
    method,
    status,
    secrets: auth?.secrets(),
  });
  const chain: Middleware[] = [];
  if (options.retry !== false) chain.push(retryMiddleware({ clock, ...options.retry }));
  if (options.throttle) chain.push(throttleMiddleware(options.throttle, clock));
  if (auth) chain.push(authMiddleware(auth, () => base, origins, provider));
  chain.push(...(options.middleware ?? []));
  if (options.onRequest) chain.push(requestHookMiddleware(options.onRequest, clock));

  // Resolved hrefs by path as given (a URL object by its href). Resolving against a base parses both URLs again each time
  // (about 5 µs on Node 20, the largest own cost of a request in bench/core), and clients send
  // the same few paths over and over. Bounded: cleared when full.
  const resolved = new Map<string, string>();

  function resolve(url: string | URL): URL {
    try {
      return new URL(url, base);
    } catch (cause) {
      throw new ProtocolError(`Invalid URL: ${url}`, { cause, provider });
    }
  }

  /**
   * One logical request: resolves the URL, merges headers and encodes the body once (retries
   * resend these bytes), runs the chain, and maps failures to CalErrors and, unless
   * `throwHttpErrors: false`, a non-2xx status to the matching error. `accept` is the default
   * Accept header. One async function for all of it, awaiting only what must be awaited: on
   * Node 20 every extra promise layer costs ~1.5 µs per request next to real sockets.
   */
  async function request(url: string | URL, init: CalRequestInit = {}, accept?: string): Promise<Response> {
    const key = String(url);
    let target = resolved.get(key);
    if (target === undefined) {
      if (resolved.size >= 256) resolved.clear();
      resolved.set(key, (target = resolve(key).href));
    }
    if (init.query) {
      const withQuery = new URL(target);
      for (const [k, v] of Object.entries(init.query)) {
        if (Array.isArray(v)) for (const item of v) withQuery.searchParams.append(k, String(item));
        else if (v !== undefined) withQuery.searchParams.set(k, String(v));
      }
      target = withQuery.href;
    }
    const headers = new DraftHeaders(defaults);
    if (init.headers) headers.merge(init.headers);
    headers.fallback('user-agent', ua);
    if (accept) headers.fallback('accept', accept);
    let body = init.body;
    let bytes: ArrayBuffer | undefined;
    const proto = body != null && Object.getPrototypeOf(body);
    if (Array.isArray(body) || proto === Object.prototype || proto === null) {
      body = JSON.stringify(body);
      headers.fallback('content-type', 'application/json');
    }
    if (typeof body === 'string') bytes = new TextEncoder().encode(body).buffer as ArrayBuffer;
    else if (body != null) {
      // Response encodes Blob, FormData, URLSearchParams, streams and views, with their content-type.
      const encoded = new Response(body as BodyInit);
      bytes = await encoded.arrayBuffer();
      const type = encoded.headers.get('content-type');
      if (type) headers.fallback('content-type', type);
    }
    // Looked up per request, never captured: test doubles and polyfills installed later apply.
    const fetch = options.fetch ?? (globalThis.fetch as FetchLike | undefined);
    if (!fetch) throw new NetworkError('No fetch: pass options.fetch', { provider });
    // A draft, not a Request: one is built only if some middleware asks for `params.request`.
    const draft: Draft = { url: target, method: (init.method ?? 'GET').toUpperCase(), headers, redirect: init.redirect };

    const timeout = init.timeout ?? options.timeout ?? 0;
    const timed = timeout > 0 && timeout < Infinity;
    // The caller's own signal, never `request.signal`: undici's Request follows its source signal
    // through a WeakRef, so a collected intermediate Request would silently drop the abort.
    const caller = init.signal ?? undefined;
    // A controller only when something can abort: on Node 20 undici charges ~13 µs per request
    // for following any signal (listener, max-listeners bump, finalizer; measured in
    // bench/core.bench.mjs), which is the largest single cost of the pipeline.
    const controller = timed || caller ? new AbortController() : undefined;
    const meta: RequestMeta = new Meta(controller?.signal, init.idempotent, init.anonymous === true);
    // An explicit controller + timer rather than AbortSignal.any/AbortSignal.timeout: on Node 20 a
    // composite of a timeout signal can be garbage-collected before it fires, silently dropping
    // the timeout. The timer keeps running while the caller reads the body, so slow bodies are
    // bounded too; it is unref'd where the runtime supports it and cleared on failure.
    const timer = timed
      ? setTimeout(() => controller!.abort(new DOMException(TIMED_OUT, 'TimeoutError')), timeout)
      : undefined;
    (timer as { unref?: () => void } | undefined)?.unref?.();
    const onAbort = caller && (() => controller!.abort(caller.reason));
    if (caller?.aborted) onAbort!();
    else caller?.addEventListener('abort', onAbort!, { once: true });
    try {
      const response = await runFrom({ chain, fetch, id: `${provider}-${++counter}`, meta, body: bytes }, 0, draft);
      if (!response.ok && init.throwHttpErrors !== false) {
        throw await errorFromResponse(response, context(target, draft.method), options.parseError);
      }
      if (timer) timers.set(response, timer);
      return response;
    } catch (error) {
      clearTimeout(timer);
      throw toCalError(error, context(target, draft.method), 'Network error', controller?.signal);
    } finally {
      // Detach at once: a long-lived signal reused for many requests must not collect listeners.
      caller?.removeEventListener('abort', onAbort!);
    }
  }

  return {
    options,
    resolve(url) {
      const target = resolve(url);
      if (auth) assertCredentialOrigin(target, base, origins, provider);
      return target;
    },
    request: (url, init) => request(url, init),
    async json<T>(url: string | URL, init?: CalRequestInit): Promise<T> {
      const response = await request(url, init, 'application/json');
      let text: string;
      try {
        text = await response.text(); // not readText(): one promise layer less per request
      } catch (error) {
        throw toCalError(error, context(response.url, undefined, response.status), BODY_FAILED);
      } finally {
        clearTimeout(timers.get(response));
      }
      try {
        return (text ? JSON.parse(text) : undefined) as T;
      } catch (cause) {
        const ctx = context(response.url, undefined, response.status);
        throw new ProtocolError('Response is not valid JSON', { ...ctx, cause, body: text.slice(0, 512) });
      }
    },
    fetch: async (input, init) => {
      // openapi-fetch hands over a finished Request and no init: read it as is, copy only to apply an init.
      const r = init || !(input instanceof Request) ? new Request(input, init) : input;
      return request(r.url, {
        ...(init as CalRequestInit), // `timeout`, `idempotent`, `anonymous` ride along
        method: r.method,
        headers: r.headers,
        body: r.body && (await r.arrayBuffer()),
        // The caller's signal, never `r.signal`, which follows it only while `r` is alive (see `request`).
        signal: init?.signal ?? (input as Request).signal,
        throwHttpErrors: false,
      });
    },
    use(...middleware) {
      // user middleware goes before the request hook, so the hook still sees the final request
      const at = chain.findIndex((m) => m.name === 'request-hook');
      chain.splice(at < 0 ? chain.length : at, 0, ...middleware);
    },
    eject(middleware) {
      const at = chain.findIndex((m) => m === middleware || m.name === middleware);
      if (at >= 0) chain.splice(at, 1);
    },
  };
}

const BODY_FAILED = 'Body read failed';
const TIMED_OUT = 'Request timed out';

/**
 * Reads a response body as text, mapping a connection that dies mid-body to `NetworkError`
 * (undici rejects with a bare `TypeError: terminated`).
 * @public
 */
export async function readText(response: Response, provider?: string): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw toCalError(error, { provider, status: response.status, url: response.url }, BODY_FAILED);
  }
}

/**
 * The CalError for a failed exchange or body read. What ended it decides: the abort reason when
 * `signal` fired (our timeout timer or the caller's signal), otherwise the error itself (a body
 * read rejects with the abort reason). A CalError from a middleware passes through, except an
 * `AbortedError` caused by the timeout, which is the timeout.
 */
function toCalError(error: unknown, ctx: CalErrorOptions, failed: string, signal?: AbortSignal): CalError {
  const aborted = signal?.aborted;
  const name = ((aborted ? signal!.reason : error) as Error | null)?.name;
  ctx.cause = error;
  if (name === 'TimeoutError' && (!isCalError(error) || error.code === 'CAL_ABORTED')) return new TimeoutError(TIMED_OUT, ctx);
  if (isCalError(error)) return error;
  if (aborted || name === 'AbortError') return new AbortedError(undefined, ctx);
  return new NetworkError(`${failed}: ${(error as Error)?.message ?? error}`, ctx);
}

/**
 * {@link RequestMeta} with the bag created on first use: most requests never need one, and a
 * `Map` per request showed up as garbage-collection time on the loopback benchmark.
 */
class Meta implements RequestMeta {
  attempt = 1;
  #bag: Map<string, unknown> | undefined;
  constructor(
    readonly signal: AbortSignal | undefined,
    readonly idempotent: boolean | undefined,
    readonly anonymous: boolean,
  ) {}
  get bag(): Map<string, unknown> {
    return (this.#bag ??= new Map());
  }
}
