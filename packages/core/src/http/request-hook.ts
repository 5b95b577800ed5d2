import type { Middleware } from './middleware.js';
import type { Clock } from './types.js';
import { redactHeaders, redactUrl } from '../errors/redact.js';
import { systemClock } from './clock.js';

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
  const started = new WeakMap<Request, number>();
  const base = (request: Request, id: string, attempt: number) => ({
    id,
    attempt,
    method: request.method,
    url: redactUrl(request.url) ?? request.url,
    requestHeaders: redactHeaders(request.headers),
    durationMs: clock.now() - (started.get(request) ?? clock.now()),
  });
  return {
    name: 'request-hook',
    onRequest({ request }) {
      started.set(request, clock.now());
    },
    onResponse({ request, response, id, meta }) {
      safe(() =>
        hook({ ...base(request, id, meta.attempt), status: response.status, responseHeaders: redactHeaders(response.headers) }),
      );
    },
    onError({ request, error, id, meta }) {
      safe(() => hook({ ...base(request, id, meta.attempt), error }));
    },
  };
}

function safe(fn: () => void) {
  try {
    fn();
  } catch {
    /* an observer must never break the request */
  }
}
