import { Collection } from '../collection.js';
import { Resource } from '../resource.js';
import { buildEntry, type FieldValue } from '../atom/build.js';
import { formatCompactDate, toSince } from '../atom/dates.js';
import { invalid } from '../errors.js';
import type { AtomEntry } from '../atom/parse.js';

/** What happened to an item, in a collection filtered by `since`. @public */
export type ContentOperation = 'insert' | 'update' | 'delete';

/** Content `update()` changes. @public */
export interface ContentChanges {
  data?: string;
  type?: string;
  dataclass?: string;
  title?: string;
}

/** One item in a datastore: a raw string (vCard, iCalendar, text…) the library does not parse. @public */
export class Content extends Resource<ContentChanges> {
  readonly kind = 'Content';
  /** The raw data. */
  get data(): string {
    return this.field('data') ?? '';
  }
  /** Category: `contacts`, `tasks`, `events`, `notes`, or any string (`Misc` by default). */
  get dataclass(): string | undefined {
    return this.field('dataclass');
  }
  /** MIME type of `data`. */
  get type(): string | undefined {
    return this.field('type');
  }
  /** Title or display name (`atom:title`). */
  get title(): string {
    return this.entry.title;
  }
  /** Only in a collection filtered by `since`: what happened to the item since then. */
  get operation(): ContentOperation | undefined {
    const op = this.field('operation');
    return op === 'insert' || op === 'update' || op === 'delete' ? op : undefined;
  }
  protected override toFields(c: ContentChanges): Record<string, FieldValue> {
    return { data: c.data ?? this.data, type: c.type ?? this.type, dataclass: c.dataclass ?? this.dataclass };
  }
  protected override get putTitle(): string | undefined {
    return undefined;
  }
}

/** Filters of {@link ContentCollection.filter}. @public */
export interface ContentFilter {
  /** Changes since this time: a `Date`, RFC 3339 (`2009-11-01T12:30:00Z`) or compact (`2009-11-01T123000Z`) UTC string. */
  since?: Date | string;
  /** Only this dataclass. */
  dataclass?: string;
}

/** A datastore's contents, optionally filtered (OCSS `store.contents(since=…, dataclass=…)`). @public */
export class ContentCollection extends Collection<Content> {
  protected readonly itemKind = 'Content';
  protected wrap(e: AtomEntry): Content {
    return new Content(this.ctx, e);
  }

  /** A new collection with filters applied; with `since`, items carry `operation`. */
  filter(filter: ContentFilter): ContentCollection {
    const q: Record<string, string | undefined> = { ...this.query };
    if (filter.since !== undefined) q['since'] = formatCompactDate(toSince(filter.since, 'contents.filter'));
    if (filter.dataclass !== undefined) {
      if (typeof filter.dataclass !== 'string' || !filter.dataclass) throw invalid('contents.filter', 'dataclass', 'a non-empty string');
      q['dataclass'] = filter.dataclass;
    }
    return new ContentCollection(this.ctx, this.url, q);
  }

  /** Stores a new item; without `dataclass` the server picks one from `ctype` (else `Misc`). */
  async new(data: string, ctype: string, dataclass?: string): Promise<Content> {
    if (typeof data !== 'string') throw invalid('contents.new', 'data', 'a string');
    if (typeof ctype !== 'string' || !/^[\w.+-]+\/[\w.+-]+/.test(ctype)) throw invalid('contents.new', 'ctype', 'a MIME type (text/plain)');
    return this.create(buildEntry({ data, type: ctype, dataclass }));
  }
}
