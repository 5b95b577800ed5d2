import type { Clock } from './types.js';
import { AbortedError } from '../errors/classes.js';

/**
 * The real clock. `sleep` honours an AbortSignal so a cancelled request stops waiting at once.
 * @public
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new AbortedError(undefined, { cause: signal.reason }));
      const timer = setTimeout(done, ms);
      function done() {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }
      function onAbort() {
        clearTimeout(timer);
        reject(new AbortedError(undefined, { cause: signal?.reason }));
      }
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
