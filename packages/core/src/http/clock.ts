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
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', abort);
        resolve();
      }, ms);
      function abort() {
        clearTimeout(timer);
        reject(new AbortedError(undefined, { cause: signal!.reason }));
      }
      signal?.addEventListener('abort', abort, { once: true });
      if (signal?.aborted) abort();
    }),
};
