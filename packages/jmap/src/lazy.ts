import { NetworkError } from '@cal/core';
import { PROVIDER } from './constants.js';

/**
 * Memoizes a dynamic `import()` of a part of this package that a typical app never calls (the
 * iCalendar converters with `@cal/ical`, tasks, sync paging). Methods of the client object cannot be
 * tree-shaken, so code they reach statically would load up front in every app; behind `import()` a
 * bundler puts it in its own chunk, fetched on first use.
 *
 * A failed load (a chunk a browser could not fetch) is not cached, so the next call tries again, and
 * surfaces as a `NetworkError` rather than the loader's raw `TypeError` (docs/HELPER-RULES.md §6).
 * @internal
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((cause: unknown) => {
      pending = undefined;
      throw new NetworkError('Could not load a module of @cal/jmap', { provider: PROVIDER, cause });
    }));
}
