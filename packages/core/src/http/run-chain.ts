import type { Middleware, RequestMeta } from './middleware.js';
import type { FetchLike } from './types.js';

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
  readonly headers: Headers;
  readonly redirect?: RequestRedirect | undefined;
}

/** A draft or a real Request: both have `url`, `method`, mutable `headers` and `redirect`. @internal */
export type Current = Draft | Request;

/**
 * Runs openapi-fetch-shaped middleware around one fetch: `onRequest` in order, then the fetch,
 * then `onResponse` / `onError` in reverse over the middleware that ran. Middleware number `i`
 * gets a `dispatch` that sends a request through middleware `i+1…` and the fetch again, which is
 * what retry and re-authentication need and what openapi-fetch's own runner lacks.
 *
 * Bodies are buffered once (`meta.bag['body']`) and every attempt starts from a fresh draft: a
 * `Request` body is a one-shot stream, and `new Request(req, init)` moves it out of `req`.
 * @internal
 */
export function runChain(chain: readonly Middleware[], fetchImpl: () => FetchLike, id: string, meta: RequestMeta) {
  const body = () => meta.bag.get('body') as ArrayBuffer | undefined;

  const rebuild = (req: Current): Draft => ({
    url: req.url,
    method: req.method,
    headers: new Headers(req.headers),
    ...(req.redirect ? { redirect: req.redirect } : {}),
  });

  const params = (current: Current, i: number, response?: Response, error?: unknown) =>
    new Params(current, body, id, meta, (next: Current) => runFrom(i + 1, rebuild(next)), response, error);

  async function runFrom(start: number, request: Current): Promise<Response> {
    let req = request;
    let response: Response | undefined;
    let error: unknown;
    let failed = false;
    // Which middleware ran, and the request each one saw (parallel arrays: no tuple per hop).
    const ran: number[] = [];
    const saw: Current[] = [];
    try {
      for (let i = start; i < chain.length; i++) {
        const mw = chain[i]!;
        ran.push(i);
        saw.push(req);
        if (!mw.onRequest) continue;
        const p = params(req, i);
        const pending = mw.onRequest(p);
        // Await only real promises: each needless await costs a microtask turn on every request.
        const result = pending instanceof Promise ? await pending : pending;
        if (result instanceof Request) req = result;
        else if (result instanceof Response) {
          response = result;
          break;
        } else req = p.current; // a middleware may have built (and edited) the Request in place
      }
      // Parts, not a Request: fetch would copy a Request anyway. The signal comes straight from
      // the client's controller: undici makes a copied Request's signal *follow* its source
      // through a WeakRef, so an intermediate Request being collected would drop the abort.
      if (!response) {
        response = await fetchImpl()(req.url, {
          method: req.method,
          headers: req.headers,
          body: body() ?? null,
          ...(meta.signal ? { signal: meta.signal } : {}),
          ...(req.redirect ? { redirect: req.redirect } : {}),
        });
      }
    } catch (e) {
      error = e;
      failed = true;
    }
    for (let k = ran.length - 1; k >= 0; k--) {
      const i = ran[k]!;
      const r = saw[k]!;
      const mw = chain[i]!;
      if (failed) {
        if (!mw.onError) continue;
        const pending = mw.onError(params(r, i, undefined, error));
        const result = pending instanceof Promise ? await pending : pending;
        if (result instanceof Response) {
          response = result;
          failed = false;
          error = undefined;
        } else if (result instanceof Error) error = result;
      } else if (mw.onResponse) {
        const pending = mw.onResponse(params(r, i, response!) as Params & { response: Response });
        const result = pending instanceof Promise ? await pending : pending;
        if (result instanceof Response) response = result;
      }
    }
    if (failed) throw error;
    return response!;
  }

  return (request: Current) => runFrom(0, request);
}

const EMPTY: Record<string, unknown> = Object.freeze({});

/**
 * Hook parameters: openapi-fetch's shape plus `meta` and `dispatch`. A class with a fixed shape,
 * because object literals with getters would make V8 fall back to slow dictionary objects.
 * @internal
 */
export class Params {
  /** openapi-fetch compatibility; always empty here (shared, so no allocation per hook call). */
  readonly options: Record<string, unknown> = EMPTY;
  /** openapi-fetch compatibility; always empty here. */
  readonly params: Record<string, unknown> = EMPTY;
  constructor(
    /** The draft, or the Request once one was built. Built-in middleware read this, not `request`. */
    public current: Current,
    private readonly body: () => ArrayBuffer | undefined,
    readonly id: string,
    readonly meta: RequestMeta,
    readonly dispatch: (request: Request) => Promise<Response>,
    readonly response: Response | undefined,
    readonly error: unknown,
  ) {}

  /** The request as a real `Request`, built on first access (openapi-fetch middleware expect one). */
  get request(): Request {
    if (!(this.current instanceof Request)) {
      const c = this.current;
      this.current = new Request(c.url, {
        method: c.method,
        headers: c.headers,
        body: this.body() ?? null,
        ...(c.redirect ? { redirect: c.redirect } : {}),
      });
    }
    return this.current as Request;
  }

  /** openapi-fetch compatibility only; computed on demand, URL parsing is not free. */
  get schemaPath(): string {
    return new URL(this.current.url).pathname;
  }
}

/** The draft (or Request) behind hook params, for the built-in middleware. @internal */
export function currentOf(params: object): Current | undefined {
  return params instanceof Params ? params.current : undefined;
}
