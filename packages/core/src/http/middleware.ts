/**
 * The one middleware shape of the whole family. It is openapi-fetch's `Middleware`
 * (`onRequest` / `onResponse` / `onError`, request hooks in order, response and error hooks in
 * reverse), so the same object works in `createHttpClient` and in an openapi-fetch client's
 * `use()`. Core's runner adds two things openapi-fetch leaves out and retries need:
 * `dispatch` (send a request through the rest of the chain again) and per-request `meta`.
 */

/** Per-request facts the middleware may read. @public */
export interface RequestMeta {
  /** The caller marked a non-idempotent method as safe to repeat (e.g. a create with a client-chosen id). */
  readonly idempotent?: boolean | undefined;
  /** Attempt number, 1-based; retries and re-authentication increase it. */
  attempt: number;
  /**
   * Aborts on the caller's signal or the timeout; undefined when the request has neither. Use this rather than `request.signal`: the
   * request is built without a signal, because undici makes every signal-bearing Request register
   * a finalizer, which is the single largest per-request cost of the pipeline.
   */
  readonly signal?: AbortSignal | undefined;
  /** Sent without credentials (`anonymous: true` in the request init): auth middleware skip it. */
  readonly anonymous?: boolean | undefined;
  /** Free-form bag for middleware to share state about one logical request. */
  readonly bag: Map<string, unknown>;
}

/** What each hook receives. @public */
export interface MiddlewareParams {
  /** The request as it stands at this point of the chain. */
  readonly request: Request;
  /** Unique id of the logical request (stable across retries). */
  readonly id: string;
  /** Extra facts about the request. */
  readonly meta: RequestMeta;
  /** openapi-fetch compatibility; always `{}` in core's runner. */
  readonly options: Record<string, unknown>;
  /** openapi-fetch compatibility: the OpenAPI path, or the URL path in core's runner. */
  readonly schemaPath: string;
  /** openapi-fetch compatibility; always `{}` in core's runner. */
  readonly params: Record<string, unknown>;
  /**
   * Sends `request` through every middleware *after* this one and the fetch, and returns what
   * comes back. Used by retry and auth to repeat a request. Only present in core's runner.
   */
  readonly dispatch?: (request: Request) => Promise<Response>;
}

/** Return of `onRequest`: nothing, a replacement request, or a response that short-circuits. @public */
export type OnRequestResult = void | undefined | Request | Response;

/**
 * A middleware: any subset of the three hooks, plus an optional `name` for debugging and
 * removal by name.
 * @public
 */
export interface Middleware {
  /** Shown in debug output; `eject('retry')` removes by name. */
  readonly name?: string;
  onRequest?(params: MiddlewareParams): OnRequestResult | Promise<OnRequestResult>;
  onResponse?(params: MiddlewareParams & { readonly response: Response }): void | undefined | Response | Promise<void | undefined | Response>;
  onError?(params: MiddlewareParams & { readonly error: unknown }): void | undefined | Response | Error | Promise<void | undefined | Response | Error>;
}
