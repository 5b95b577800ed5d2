import type { Middleware, MiddlewareParams, RequestMeta } from './middleware.js';
import type { FetchLike } from './types.js';

/**
 * Runs openapi-fetch-shaped middleware around one fetch: `onRequest` in order, then the fetch,
 * then `onResponse` / `onError` in reverse over the middleware that ran. Middleware number `i`
 * gets a `dispatch` that sends a request through middleware `i+1…` and the fetch again, which is
 * what retry and re-authentication need and what openapi-fetch's own runner lacks.
 *
 * Bodies are buffered once (`meta.bag['body']`) and every attempt builds a fresh `Request`:
 * a `Request` body is a one-shot stream, and `new Request(req, init)` moves it out of `req`.
 * @internal
 */
export function runChain(chain: readonly Middleware[], fetchImpl: () => FetchLike, id: string, meta: RequestMeta) {
  const body = () => meta.bag.get('body') as ArrayBuffer | undefined;

  const rebuild = (req: Request): Request =>
    new Request(req.url, {
      method: req.method,
      headers: req.headers,
      body: body() ?? null,
      redirect: req.redirect,
      credentials: req.credentials,
      cache: req.cache,
    });

  // One params object per hook call, without spreads: this runs on every request.
  const params = (request: Request, i: number, extra?: { response?: Response; error?: unknown }) => {
    const p = {
      request,
      id,
      meta,
      options: {},
      params: {},
      // openapi-fetch compatibility only; computed on demand, URL parsing is not free.
      get schemaPath() {
        return new URL(request.url).pathname;
      },
      dispatch: (next: Request) => runFrom(i + 1, rebuild(next)),
    } as MiddlewareParams & { response: Response; error: unknown };
    if (extra) Object.assign(p, extra);
    return p;
  };

  async function runFrom(start: number, request: Request): Promise<Response> {
    let req = request;
    let response: Response | undefined;
    let error: unknown;
    let failed = false;
    const seen: Array<[number, Request]> = [];
    try {
      for (let i = start; i < chain.length; i++) {
        const mw = chain[i]!;
        seen.push([i, req]);
        if (!mw.onRequest) continue;
        const result = await mw.onRequest(params(req, i));
        if (result instanceof Request) req = result;
        else if (result instanceof Response) {
          response = result;
          break;
        }
      }
      // The signal goes straight from the client's controller into fetch's init: undici makes a
      // Request's signal *follow* its source through a WeakRef, so a copied Request can silently
      // lose the abort (and with it the timeout) once an intermediate Request is collected.
      const signal = meta.signal;
      // Parts, not a Request: fetch would copy a Request anyway, and each construction costs.
      if (!response) {
        response = await fetchImpl()(req.url, {
          method: req.method,
          headers: req.headers,
          body: body() ?? null,
          signal: signal ?? req.signal,
          redirect: req.redirect,
        });
      }
    } catch (e) {
      error = e;
      failed = true;
    }
    for (let k = seen.length - 1; k >= 0; k--) {
      const [i, r] = seen[k]!;
      const mw = chain[i]!;
      if (failed) {
        if (!mw.onError) continue;
        const result = await mw.onError(params(r, i, { error }));
        if (result instanceof Response) {
          response = result;
          failed = false;
          error = undefined;
        } else if (result instanceof Error) error = result;
      } else if (mw.onResponse) {
        const result = await mw.onResponse(params(r, i, { response: response! }));
        if (result instanceof Response) response = result;
      }
    }
    if (failed) throw error;
    return response!;
  }

  return (request: Request) => runFrom(0, request);
}
