import { NotFoundError, notFound } from './errors.js';
import type { AtomEntry } from './atom/parse.js';
import type { Context } from './context.js';
import type { Resource } from './resource.js';

/**
 * An Atom feed as a read-mostly dictionary keyed by id (OCSS "Collections"): async iteration,
 * `size()`, `get`/`has`, `delete`, `update`, `refresh`. The feed is fetched once and cached until
 * `refresh()` (SyncServer feeds are not paged, reference §1).
 * @public
 */
export abstract class Collection<R extends Resource<object>> implements AsyncIterable<R> {
  /** @internal */ protected readonly ctx: Context;
  /** Absolute collection URL, with trailing slash. */
  readonly url: string;
  /** @internal */ protected readonly query: Record<string, string | undefined> | undefined;
  /** @internal */ protected abstract readonly itemKind: string;
  private cache: Promise<R[]> | undefined;

  /** @internal */
  constructor(ctx: Context, url: string, query?: Record<string, string | undefined>) {
    this.ctx = ctx;
    this.url = url;
    this.query = query;
  }

  /** @internal Builds the resource object for an entry (async when that code loads on demand). */
  protected abstract wrap(entry: AtomEntry): R | Promise<R>;

  /** @internal URL of one member. */
  protected itemUrl(id: string): string {
    return new URL(encodeURIComponent(id), this.url).href;
  }

  /** @internal URL of the feed. */
  protected listUrl(): string {
    return this.url;
  }

  /** Every member (fetched once, then cached until `refresh()`). */
  list(): Promise<R[]> {
    if (!this.cache) {
      const p = this.ctx.transport.feed(this.listUrl(), this.query).then((es) => {
        const rs = es.map((e) => this.wrap(e));
        // Promise.all only when some wrap is async: over thousands of plain objects it costs a promise each.
        return rs.some((r) => r instanceof Promise) ? Promise.all(rs) : (rs as R[]);
      });
      // A failed load is not cached (and a later refresh() is not undone).
      p.catch(() => this.cache === p && (this.cache = undefined));
      this.cache = p;
    }
    return this.cache;
  }

  /** Number of members (OCSS `len(collection)`). */
  async size(): Promise<number> {
    return (await this.list()).length;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<R> {
    yield* await this.list();
  }

  /** The member with this id; a missing id throws {@link NotFoundError}. */
  async get(id: string | number): Promise<R> {
    const key = String(id);
    if (!key || /[/?#]/.test(key)) throw notFound(this.itemKind, key);
    try {
      return await this.wrap(await this.ctx.transport.entry('GET', this.itemUrl(key)));
    } catch (err) {
      if (err instanceof NotFoundError) throw notFound(this.itemKind, key);
      throw err;
    }
  }

  /** True when a member with this id exists (OCSS `id in collection`). */
  async has(id: string | number): Promise<boolean> {
    try {
      await this.get(id);
      return true;
    } catch (err) {
      if (err instanceof NotFoundError) return false;
      throw err;
    }
  }

  /** @internal POSTs a new member and drops the cached feed (every `new()`). */
  protected async create(body: string): Promise<R> {
    const r = await this.wrap(await this.ctx.transport.entry('POST', this.url, body));
    this.refresh();
    return r;
  }

  /** @internal */
  protected async resolve(item: R | string | number): Promise<R> {
    return typeof item === 'object' ? item : this.get(item);
  }

  /** Deletes a member given as an instance or an id. */
  async delete(item: R | string | number): Promise<void> {
    await (await this.resolve(item)).delete();
    this.refresh();
  }

  /** Same as `resource.update(changes)`. */
  async update(item: R | string | number, changes?: Parameters<R['update']>[0]): Promise<R> {
    const r = await (await this.resolve(item)).update(changes as never);
    this.refresh();
    return r;
  }

  /** Drops the cached feed; the next read fetches it again. */
  refresh(): void {
    this.cache = undefined;
  }
}
