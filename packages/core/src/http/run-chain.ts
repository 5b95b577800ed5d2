import type { Middleware, MiddlewareParams, RequestMeta } from './middleware.js';
import type { FetchLike } from './types.js';
import { DraftHeaders } from './draft-headers.js';

/**
 * A request before anyone needs a real `Request` object. The built-in middleware (retry, auth with
 * Basic/Bearer/OAuth 2, the request hook) work on this; a `Request` is built only when some
 * middleware reads `params.request`. Constructing a `Request` in undici allocates an
 * AbortController and converts headers, which was the largest share of the pipeline's overhead.
 * @internal
 */
export interface Draft {
  readonly url: string;
  readonly method: string;
  readonly headers: DraftHeaders;
  readonly redirect?: RequestRedirect | undefined;
}

/** A draft or a real Request: both have `url`, `method`, mutable `headers` and `redirect`. @internal */
export type Current = Draft | Request;

/**
 * One logical request: what every attempt shares. A plain object of fixed shape, one per request.
 * @internal
 */
export interface Run {
  readonly chain: readonly Middleware[];
  readonly fetch: FetchLike;
  /** Unique id of the logical request (stable across retries). */
  readonly id: string;
  readonly meta: RequestMeta;
  /** The buffered body: every attempt resends these bytes. */
  readonly body: ArrayBuffer | undefined;
}

/**
 * Runs openapi-fetch-shaped middleware around one fetch: `onRequest` in order, then the fetch,
 * then `onResponse` / `onError` in reverse over the middleware that ran. Middleware number `i`
 * gets a `dispatch` that sends a request through middleware `i+1…` and the fetch again, which is
 * what retry and re-authentication need and what openapi-fetch's own runner lacks.
 *
 * The body is buffered once and every attempt starts from a fresh draft: a `Request` body is a
 * one-shot stream, and `new Request(req, init)` moves it out of `req`. No closures per request:
 * hooks get a `Params` instance, which shows on a loopback benchmark.
 * @internal
 */
export async function runFrom(run: Run, start: number, request: Current): Promise<Response> {
  // `fetch` is called detached (no `this`): a browser's fetch throws "Illegal invocation" when
  // called as a method of anything but `window`.
  const { chain, fetch } = run;
  let req = request;
  let response: Response | undefined;
  let error: unknown;
  let failed = false;
  let result: unknown;
  // The request each middleware saw; middleware start, start+1, … ran, in that order.
  const saw: Current[] = [];
  try {
    for (let i = start; i < chain.length && !response; i++) {
      const mw = chain[i]!;
      saw.push(req);
      if (!mw.onRequest) continue;
      const p = new Params(req, run, i);
      result = mw.onRequest(p);
      // Await only real promises: each needless await costs a microtask turn on every request.
      if (result instanceof Promise) result = await result;
      // A middleware may also have built (and edited) the Request in place: `p.current`.
      if (result instanceof Response) response = result;
      else req = result instanceof Request ? result : p.current;
    }
    // Parts, not a Request: fetch would copy a Request anyway. The signal comes straight from
    // the client's controller: undici makes a copied Request's signal *follow* its source
    // through a WeakRef, so an intermediate Request being collected would drop the abort.
    response ??= await fetch(req.url, fetchInit(req, run.body, run.meta.signal));
  } catch (e) {
    error = e;
    failed = true;
  }
  for (let k = saw.length; k--; ) {
    const mw = chain[start + k]!;
    const hook = failed ? mw.onError : mw.onResponse;
    if (!hook) continue;
    result = hook(new Params(saw[k]!, run, start + k, response, error) as Params & { response: Response; error: unknown });
    if (result instanceof Promise) result = await result;
    if (result instanceof Response) {
      response = result;
      failed = false;
      error = undefined;
    } else if (failed && result instanceof Error) error = result;
  }
  if (failed) throw error;
  return response!;
}

/**
 * What fetch gets besides the URL: only the members that differ from fetch's defaults, because
 * undici does extra work for each one present (normalising a `method: 'GET'`, a `body: null`).
 */
function fetchInit(req: Current, body: ArrayBuffer | undefined, signal: AbortSignal | undefined): RequestInit {
  const init: RequestInit = { headers: req.headers instanceof DraftHeaders ? req.headers.record : req.headers };
  if (req.method !== 'GET') init.method = req.method;
  if (body) init.body = body;
  if (signal) init.signal = signal;
  if (req.redirect) init.redirect = req.redirect;
  return init;
}

const EMPTY: Record<string, unknown> = Object.freeze({});

/**
 * Hook parameters: openapi-fetch's shape plus `meta` and `dispatch`. A class with a fixed shape,
 * because object literals with getters would make V8 fall back to slow dictionary objects.
 * Fields are `declare`d and set in the constructor, so no separate field definitions are emitted.
 * @internal
 */
export class Params {
  /** The draft, or the Request once one was built. Built-in middleware read this, not `request`. */
  declare current: Current;
  declare readonly response: Response | undefined;
  declare readonly error: unknown;
  private declare readonly run: Run;
  private declare readonly index: number;
  constructor(current: Current, run: Run, index: number, response?: Response, error?: unknown) {
    this.current = current;
    this.run = run;
    this.index = index;
    this.response = response;
    this.error = error;
  }

  /** openapi-fetch compatibility; always empty here (shared, so no allocation per hook call). */
  get options(): Record<string, unknown> {
    return EMPTY;
  }

  /** openapi-fetch compatibility; always empty here. */
  get params(): Record<string, unknown> {
    return EMPTY;
  }

  /** Unique id of the logical request (stable across retries). */
  get id(): string {
    return this.run.id;
  }

  /** Extra facts about the request. */
  get meta(): RequestMeta {
    return this.run.meta;
  }

  /**
   * Sends a request through the middleware after this one and the fetch again (retry, re-auth),
   * from a fresh draft: headers copied, the attempt may change them.
   */
  get dispatch(): (request: Request) => Promise<Response> {
    return (next: Current) =>
      runFrom(this.run, this.index + 1, {
        url: next.url,
        method: next.method,
        headers: new DraftHeaders(next.headers),
        redirect: next.redirect,
      });
  }

  /** The request as a real `Request`, built on first access (openapi-fetch middleware expect one). */
  get request(): Request {
    const c = this.current;
    return c instanceof Request ? c : (this.current = new Request(c.url, fetchInit(c, this.run.body, undefined)));
  }

  /** openapi-fetch compatibility only; computed on demand, URL parsing is not free. */
  get schemaPath(): string {
    return new URL(this.current.url).pathname;
  }
}

/**
 * The request behind hook params as the built-in middleware read it: core's draft (or the
 * Request once one was built), or `params.request` under another runner (openapi-fetch's).
 * @internal
 */
export function currentOf(params: MiddlewareParams): Current {
  return params instanceof Params ? params.current : params.request;
}
