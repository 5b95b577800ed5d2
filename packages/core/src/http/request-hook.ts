import type { Middleware, MiddlewareParams } from './middleware.js';
import type { Clock } from './types.js';
import { redactHeaders, redactUrl } from '../errors/redact.js';
import { systemClock } from './clock.js';
import { currentOf, type Current } from './run-chain.js';

/** What a {@link RequestHook} sees of one attempt. Everything is redacted. @public */
export interface RequestEvent {
  readonly id: string;
  readonly attempt: number;
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly status?: number;
  readonly responseHeaders?: Readonly<Record<string, string>>;
  readonly error?: unknown;
  readonly durationMs: number;
}

/** Observer of every request (pycronofy's `set_request_hook`). Must not throw. @public */
export type RequestHook = (event: RequestEvent) => void;

/**
 * Calls `hook` after each attempt, with secrets redacted. It sits closest to the network, so
 * retries and re-authentications each show up as their own event.
 * @public
 */
export function requestHookMiddleware(hook: RequestHook, clock: Clock = systemClock): Middleware {
  const started = new WeakMap<Current, number>();
  const emit = (p: MiddlewareParams, outcome: Pick<RequestEvent, 'status' | 'responseHeaders' | 'error'>) => {
    const request = currentOf(p);
    try {
      hook({
        id: p.id,
        attempt: p.meta.attempt,
        method: request.method,
        url: redactUrl(request.url)!,
        requestHeaders: redactHeaders(request.headers),
        durationMs: clock.now() - (started.get(request) ?? clock.now()),
        ...outcome,
      });
    } catch {
      /* an observer must never break the request */
    }
  };
  return {
    name: 'request-hook',
    onRequest(p) {
      started.set(currentOf(p), clock.now());
    },
    onResponse(p) {
      emit(p, { status: p.response.status, responseHeaders: redactHeaders(p.response.headers) });
    },
    onError(p) {
      emit(p, { error: p.error });
    },
  };
}
