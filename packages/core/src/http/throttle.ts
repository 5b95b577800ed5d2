import type { Middleware } from './middleware.js';
import type { Clock } from './types.js';
import { systemClock } from './clock.js';

/**
 * Keeps at least `minDelay` ms between the starts of two requests of one client
 * (O365 `requests_delay`, default 200 ms there). Concurrent requests queue in order.
 * @public
 */
export function throttleMiddleware(minDelay: number, clock: Clock = systemClock): Middleware {
  let next = 0;
  return {
    name: 'throttle',
    async onRequest({ meta }) {
      const now = clock.now();
      const start = Math.max(now, next);
      next = start + minDelay;
      if (start > now) await clock.sleep(start - now, meta.signal);
    },
  };
}
