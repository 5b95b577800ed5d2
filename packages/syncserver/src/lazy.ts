import { NetworkError } from '@cal/core';
import { toOCSSError } from './errors.js';

/**
 * Memoizes a dynamic `import()` of a module a typical app never needs. A failed load (offline, a
 * chunk gone after a deploy) is not cached, so the next call tries again, and surfaces as an OCSS
 * `ConnectionError` rather than the loader's raw `TypeError`.
 * @internal
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((cause: unknown) => {
      pending = undefined;
      // A core NetworkError marked as an OCSS ConnectionError (see errors.ts).
      throw toOCSSError(new NetworkError('Could not load a module of @cal/syncserver', { provider: 'syncserver', cause }));
    }));
}
