import { ProtocolError } from '@cal/core';

/** `pages` object of a paged Cronofy response (reference §5). @public */
export interface CronofyPageInfo {
  current: number;
  total: number;
  /** Absolute URL of the next page; missing or `""` on the last page. */
  next_page?: string;
}

/** Raw JSON of one page: `pages` plus the item array under its key (`events`, `free_busy`). @public */
export type CronofyPageJson<K extends string, T> = { pages: CronofyPageInfo } & { [P in K]: T[] };

/** Loads a page: `undefined` = the first request, a string = an absolute `next_page` URL. @internal */
export type PageLoader<K extends string, T> = (nextPage: string | undefined, signal?: AbortSignal) => Promise<CronofyPageJson<K, T>>;

/**
 * A paged Cronofy result (pycronofy `Pages`): async-iterable over every item, following
 * `pages.next_page` verbatim (no extra parameters: cronofy-node's appended options broke it,
 * node#28/#58) until it is absent or empty. Lazy: nothing is requested until iteration,
 * `all()` or `fetchNextPage()`. Each `next_page` goes through core's origin guard, so a link to a
 * host other than the data center's API host fails with `ProtocolError` and no token leaves.
 * @example
 * ```ts
 * for await (const event of cronofy.readEvents({ tzid: 'Etc/UTC' })) console.log(event.summary);
 * ```
 * @public
 */
export class CronofyPages<K extends string, T> implements AsyncIterable<T> {
  #load: PageLoader<K, T>;
  #key: K;
  #json: CronofyPageJson<K, T> | undefined;
  #seen = new Set<string>();
  #pages = 0;

  /** @internal */
  constructor(key: K, load: PageLoader<K, T>) {
    this.#key = key;
    this.#load = load;
  }

  /** Items of the page loaded last (`[]` before the first load). */
  currentPage(): T[] {
    return this.#json?.[this.#key] ?? [];
  }

  /** Raw JSON of the page loaded last, `undefined` before the first load. */
  json(): CronofyPageJson<K, T> | undefined {
    return this.#json;
  }

  /** Number of pages loaded so far. */
  get pagesLoaded(): number {
    return this.#pages;
  }

  /** True when another page can be fetched (nothing loaded yet, or a non-empty `next_page`). */
  hasNextPage(): boolean {
    return this.#json === undefined || Boolean(this.#json.pages?.next_page);
  }

  /**
   * Loads the first page, or the next one. Returns its items, or `undefined` when there is no
   * further page (nothing is requested then).
   */
  async fetchNextPage(signal?: AbortSignal): Promise<T[] | undefined> {
    if (!this.hasNextPage()) return undefined;
    const next = this.#json?.pages.next_page || undefined;
    if (next !== undefined) {
      // a server that hands back the same link twice would loop forever
      if (this.#seen.has(next)) throw new ProtocolError(`Cronofy returned the same next_page twice`, { provider: 'cronofy', url: next });
      this.#seen.add(next);
    }
    const json = await this.#load(next, signal);
    if (!json || typeof json !== 'object' || !Array.isArray(json[this.#key])) {
      throw new ProtocolError(`Cronofy page has no "${this.#key}" array`, { provider: 'cronofy' });
    }
    this.#json = json;
    this.#pages++;
    return json[this.#key];
  }

  /** Every item of every remaining page (the current page's included). */
  async all(options: { signal?: AbortSignal } = {}): Promise<T[]> {
    const out: T[] = [];
    for await (const item of this.iterate(options.signal)) out.push(item);
    return out;
  }

  /** Iterates the current page (loading the first if needed) and every page after it. */
  async *iterate(signal?: AbortSignal): AsyncGenerator<T, void, undefined> {
    if (this.#json === undefined) await this.fetchNextPage(signal);
    yield* this.currentPage();
    while (this.hasNextPage()) {
      const items = await this.fetchNextPage(signal);
      if (items) yield* items;
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.iterate();
  }
}
