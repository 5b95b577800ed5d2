import type { Middleware, MiddlewareParams } from './middleware.js';
import type { Clock } from './types.js';
import { parseRetryAfter } from './retry-after.js';
import { systemClock } from './clock.js';
import { currentOf } from './run-chain.js';

/**
 * Methods that may be repeated without changing the result (RFC 9110 §9.2.2), plus the WebDAV
 * read methods. POST and PATCH are left out: repeating a create could duplicate an event.
 */
const IDEMPOTENT = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PROPFIND', 'REPORT'];

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
  const { limit = 2, baseDelay = 300, maxDelay = 10_000, maxRetryAfter = 60_000 } = options;
  const { random = Math.random, clock = systemClock } = options;
  const statuses = new Set(options.statusCodes ?? [408, 429, 500, 502, 503, 504]);
  const methods = new Set((options.methods ?? IDEMPOTENT).map((m) => m.toUpperCase()));

  /**
   * One loop for both failure kinds: a retryable status (then `Retry-After` may set the wait) or
   * a transport error before any response. Resolves to the last outcome, response or error.
   */
  async function retry(p: MiddlewareParams, outcome: unknown): Promise<unknown> {
    const { meta, dispatch } = p;
    const request = currentOf(p);
    // Idempotent by method, or marked so by the caller.
    if (!dispatch || !(meta.idempotent ?? methods.has(request.method.toUpperCase()))) return outcome;
    for (let attempt = 1; attempt <= limit; attempt++) {
      let wait = Math.min(maxDelay, baseDelay * 2 ** (attempt - 1)) * random();
      if (outcome instanceof Response) {
        if (!statuses.has(outcome.status)) break;
        if (outcome.status === 429 || outcome.status === 503) {
          const after = parseRetryAfter(outcome.headers.get('retry-after'), clock.now());
          if (after !== undefined) {
            if (after * 1000 > maxRetryAfter) break; // the server asks for longer than we will wait
            wait = after * 1000;
          }
        }
        await outcome.body?.cancel().catch(() => {});
      } else if (!isTransportError(outcome) || meta.signal?.aborted) break;
      await clock.sleep(wait, meta.signal);
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
    // No `async`: the common case (a success) returns synchronously, with no promise allocated.
    onResponse(p) {
      if (statuses.has(p.response.status)) {
        return retry(p, p.response).then((outcome) => {
          if (outcome instanceof Response) return outcome;
          throw outcome;
        });
      }
    },
    // Only errors raised by fetch itself (no response yet) reach onError; a body that fails
    // mid-stream is the caller's read and is never retried here.
    onError(p) {
      if (isTransportError(p.error)) {
        return retry(p, p.error).then((outcome) => (outcome instanceof Response || outcome instanceof Error ? outcome : undefined));
      }
    },
  };
}

/** fetch rejects with a TypeError (undici: "fetch failed") for DNS, refused and reset connections. */
function isTransportError(error: unknown): boolean {
  return error instanceof TypeError || (error as { code?: string } | null)?.code === 'CAL_NETWORK';
}
