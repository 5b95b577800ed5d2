import type { Middleware, RequestMeta } from './middleware.js';
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
 * Runs openapi-fetch-shaped middleware around one fetch: `onRequest` in order, then the fetch,
 * then `onResponse` / `onError` in reverse over the middleware that ran. Middleware number `i`
 * gets a `dispatch` that sends a request through middleware `i+1…` and the fetch again, which is
 * what retry and re-authentication need and what openapi-fetch's own runner lacks.
 *
 * Bodies are buffered once (`meta.bag['body']`) and every attempt starts from a fresh draft: a
 * `Request` body is a one-shot stream, and `new Request(req, init)` moves it out of `req`.
 *
 * One instance per logical request: a class rather than closures, so a request allocates one
 * object instead of half a dozen functions, which shows on a loopback benchmark.
 * @internal
 */
export class ChainRun {
  constructor(
    private readonly chain: readonly Middleware[],
    private readonly fetchImpl: () => FetchLike,
    readonly id: string,
    readonly meta: RequestMeta,
  ) {}

  /** The buffered body: every attempt resends these bytes. */
  body(): ArrayBuffer | undefined {
    return this.meta.bag.get('body') as ArrayBuffer | undefined;
  }

  /** A fresh draft of `req` for another attempt (headers copied: the attempt may change them). */
  rebuild(req: Current): Draft {
    return {
      url: req.url,
      method: req.method,
      headers: new DraftHeaders(req.headers),
      ...(req.redirect ? { redirect: req.redirect } : {}),
    };
  }

  private params(current: Current, i: number, response?: Response, error?: unknown): Params {
    return new Params(current, this, i, response, error);
  }

  async runFrom(start: number, request: Current): Promise<Response> {
    const { chain, meta } = this;
    let req = request;
    let response: Response | undefined;
    let error: unknown;
    let failed = false;
    // The request each middleware saw; middleware start, start+1, … ran, in that order.
    const saw: Current[] = [];
    try {
      for (let i = start; i < chain.length; i++) {
        const mw = chain[i]!;
        saw.push(req);
        if (!mw.onRequest) continue;
        const p = this.params(req, i);
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
      if (!response) response = await this.fetchImpl()(req.url, fetchInit(req, this.body(), meta.signal));
    } catch (e) {
      error = e;
      failed = true;
    }
    for (let k = saw.length - 1; k >= 0; k--) {
      const i = start + k;
      const r = saw[k]!;
      const mw = chain[i]!;
      if (failed) {
        if (!mw.onError) continue;
        const pending = mw.onError(this.params(r, i, undefined, error));
        const result = pending instanceof Promise ? await pending : pending;
        if (result instanceof Response) {
          response = result;
          failed = false;
          error = undefined;
        } else if (result instanceof Error) error = result;
      } else if (mw.onResponse) {
        const pending = mw.onResponse(this.params(r, i, response!) as Params & { response: Response });
        const result = pending instanceof Promise ? await pending : pending;
        if (result instanceof Response) response = result;
      }
    }
    if (failed) throw error;
    return response!;
  }
}

/**
 * What fetch gets besides the URL: only the members that differ from fetch's defaults, because
 * undici does extra work for each one present (normalising a `method: 'GET'`, a `body: null`).
 */
function fetchInit(req: Current, body: ArrayBuffer | undefined, signal: AbortSignal | undefined): RequestInit {
  const init: RequestInit = { headers: req.headers instanceof DraftHeaders ? req.headers.record : req.headers };
  if (req.method !== 'GET') init.method = req.method;
  if (body !== undefined) init.body = body;
  if (signal) init.signal = signal;
  if (req.redirect) init.redirect = req.redirect;
  return init;
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
    private readonly run: ChainRun,
    private readonly index: number,
    readonly response: Response | undefined,
    readonly error: unknown,
  ) {}

  /** Unique id of the logical request (stable across retries). */
  get id(): string {
    return this.run.id;
  }

  /** Extra facts about the request. */
  get meta(): RequestMeta {
    return this.run.meta;
  }

  /** Sends a request through the middleware after this one and the fetch again (retry, re-auth). */
  get dispatch(): (request: Request) => Promise<Response> {
    return (next: Current) => this.run.runFrom(this.index + 1, this.run.rebuild(next));
  }

  /** The request as a real `Request`, built on first access (openapi-fetch middleware expect one). */
  get request(): Request {
    if (!(this.current instanceof Request)) {
      const c = this.current;
      this.current = new Request(c.url, {
        method: c.method,
        headers: c.headers instanceof DraftHeaders ? c.headers.record : c.headers,
        body: this.run.body() ?? null,
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
