import type { Middleware, RequestMeta } from './middleware.js';
import type { Clock } from './types.js';
import { parseRetryAfter } from './retry-after.js';
import { systemClock } from './clock.js';
import { currentOf, type Current } from './run-chain.js';

/**
 * Methods that may be repeated without changing the result (RFC 9110 §9.2.2), plus the WebDAV
 * read methods. POST and PATCH are left out: repeating a create could duplicate an event.
 */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PROPFIND', 'REPORT']);

/** Retry policy. @public */
export interface RetryOptions {
  /** Retries after the first attempt (O365 `request_retries`). @default 2 */
  limit?: number;
  /** Statuses that are retried. @default [408, 429, 500, 502, 503, 504] */
  statusCodes?: readonly number[];
  /** Methods retried without the caller marking the request idempotent. */
  methods?: readonly string[];
  /** First backoff in ms; doubles each time, with full jitter. @default 300 */
  baseDelay?: number;
  /** Upper bound of one backoff in ms. @default 10000 */
  maxDelay?: number;
  /** Upper bound for a server's `Retry-After`, in ms; longer waits are not retried. @default 60000 */
  maxRetryAfter?: number;
  /** Random source for jitter, injectable for tests. @default Math.random */
  random?: () => number;
  /** Clock for sleeping; injectable for tests. */
  clock?: Clock;
}

/** Whether a request may be retried: idempotent by method, or marked so by the caller. @internal */
export function isRetryable(method: string, idempotent: boolean | undefined, methods: ReadonlySet<string> = IDEMPOTENT): boolean {
  return idempotent ?? methods.has(method.toUpperCase());
}

/**
 * Retries failed requests with exponential backoff and full jitter, honouring `Retry-After`
 * (delta-seconds or HTTP-date) on 429 and 503.
 *
 * Rules: only idempotent methods (or requests marked `idempotent: true`) are retried; a
 * network error is retried only when it happened before any response arrived (fetch rejected),
 * never after a body started streaming; the caller's abort is never retried.
 * @public
 */
export function retryMiddleware(options: RetryOptions = {}): Middleware {
  const limit = options.limit ?? 2;
  const statuses = new Set(options.statusCodes ?? [408, 429, 500, 502, 503, 504]);
  const methods = new Set((options.methods ?? [...IDEMPOTENT]).map((m) => m.toUpperCase()));
  const base = options.baseDelay ?? 300;
  const maxDelay = options.maxDelay ?? 10_000;
  const maxRetryAfter = options.maxRetryAfter ?? 60_000;
  const random = options.random ?? Math.random;
  const clock = () => options.clock ?? systemClock;

  const backoff = (attempt: number) => Math.min(maxDelay, base * 2 ** (attempt - 1)) * random();
  const allowed = (request: Current, idempotent: boolean | undefined) =>
    limit > 0 && isRetryable(request.method, idempotent, methods);

  /**
   * One loop for both failure kinds: a retryable status (then `Retry-After` may set the wait) or
   * a transport error before any response. Returns the last outcome, response or error.
   */
  async function retryLoop(request: Current, meta: RequestMeta, dispatch: (r: Request) => Promise<Response>, first: Response | unknown) {
    let outcome = first;
    for (let retry = 1; retry <= limit; retry++) {
      let wait = backoff(retry);
      if (outcome instanceof Response) {
        if (!statuses.has(outcome.status)) break;
        if (outcome.status === 429 || outcome.status === 503) {
          const after = parseRetryAfter(outcome.headers.get('retry-after'), clock().now());
          if (after !== undefined) {
            if (after * 1000 > maxRetryAfter) break; // the server asks for longer than we will wait
            wait = after * 1000;
          }
        }
        await outcome.body?.cancel().catch(() => {});
      } else if (!isTransportError(outcome) || meta.signal?.aborted) break;
      await clock().sleep(wait, meta.signal);
      meta.attempt++;
      try {
        outcome = await dispatch(request as Request); // the runner accepts drafts too
      } catch (e) {
        outcome = e;
      }
    }
    return outcome;
  }

  return {
    name: 'retry',
    // Not `async`: the common case (a success) returns synchronously, with no promise allocated.
    onResponse(p) {
      const { response, meta, dispatch } = p;
      if (!dispatch || !statuses.has(response.status)) return;
      const request = currentOf(p) ?? p.request;
      if (!allowed(request, meta.idempotent)) return;
      return retryLoop(request, meta, dispatch, response).then((outcome) => {
        if (outcome instanceof Response) return outcome;
        throw outcome;
      });
    },
    async onError(p) {
      const { error, meta, dispatch } = p;
      const request = currentOf(p) ?? p.request;
      // Only errors raised by fetch itself (no response yet) reach onError; a body that fails
      // mid-stream is the caller's read and is never retried here.
      if (!dispatch || !allowed(request, meta.idempotent) || !isTransportError(error)) return;
      const outcome = await retryLoop(request, meta, dispatch, error);
      return outcome instanceof Response || outcome instanceof Error ? outcome : undefined;
    },
  };
}

/** fetch rejects with a TypeError (undici: "fetch failed") for DNS, refused and reset connections. */
function isTransportError(error: unknown): boolean {
  return error instanceof TypeError || (error as { code?: string } | null)?.code === 'CAL_NETWORK';
}
