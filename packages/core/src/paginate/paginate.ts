import type { Page } from './page.js';
import { ProtocolError } from '../errors/classes.js';

/** Options of {@link paginate}. @public */
export interface PaginateOptions<C> {
  /** Cursor to start from (resume a previous walk). */
  startCursor?: C;
  /** Stop after this many pages. */
  maxPages?: number;
  /** Cancels between pages. */
  signal?: AbortSignal;
}

/**
 * Walks pages lazily: the next page is fetched only when the consumer asks, so `break` in a
 * `for await` stops fetching. A server that hands back the same cursor twice would loop forever;
 * that is a `ProtocolError` (smithy's `stopOnSameToken`).
 * @example
 * ```ts
 * for await (const page of paginate((cursor) => api.list({ cursor }))) console.log(page.items.length);
 * ```
 * @public
 */
export async function* paginate<T, C = string>(
  fetchPage: (cursor: C | undefined, signal?: AbortSignal) => Promise<Page<T, C>>,
  options: PaginateOptions<C> = {},
): AsyncGenerator<Page<T, C>, void, undefined> {
  let cursor = options.startCursor;
  const seen = new Set<unknown>();
  for (let n = 0; options.maxPages === undefined || n < options.maxPages; n++) {
    options.signal?.throwIfAborted();
    const page = await fetchPage(cursor, options.signal);
    yield page;
    if (!page.hasMore || page.nextCursor === undefined) return;
    const key = typeof page.nextCursor === 'object' ? JSON.stringify(page.nextCursor) : page.nextCursor;
    if (seen.has(key)) throw new ProtocolError('The server returned the same page cursor twice');
    seen.add(key);
    cursor = page.nextCursor;
  }
}

/** Flattens pages into items, fetching lazily. @public */
export async function* iterAll<T>(pages: AsyncIterable<Page<T, unknown>>): AsyncGenerator<T, void, undefined> {
  for await (const page of pages) yield* page.items;
}

/** Gathers up to `limit` items from any async iterable, then stops it (no extra page is fetched). @public */
export async function collect<T>(items: AsyncIterable<T>, options: { limit?: number } = {}): Promise<T[]> {
  const out: T[] = [];
  if (options.limit === 0) return out;
  for await (const item of items) {
    out.push(item);
    if (options.limit !== undefined && out.length >= options.limit) break;
  }
  return out;
}
