import { ProtocolError, ValidationError, isCalError } from '@cal/core';
import { followLink, preferHeader, unwrap, userPath, type GraphApi } from './graph-api.js';
import { windowQuery } from './calendar-view.js';
import type { DeltaItem, GraphEvent, ODataPage, RemovedEvent } from './types.js';
import { isRemoved } from './types.js';
import type { DateInput } from '../time/date-time.js';

/** Options of {@link syncCalendarView}. @public */
export interface DeltaSyncOptions {
  /** Window of the round; required even with a `deltaLink`, so an expired token can restart. */
  start: DateInput;
  end: DateInput;
  /** Delta per calendar (delta-query-events.md); default: the primary calendar's view. */
  calendarId?: string;
  /** The `@odata.deltaLink` stored after the previous round; absent = initial full round. */
  deltaLink?: string;
  /** `Prefer: odata.maxpagesize`. */
  pageSize?: number;
  timeZone?: string;
  signal?: AbortSignal;
}

/** Outcome of a finished round. @public */
export interface DeltaResult {
  /** Added or changed events (updates may carry only changed fields plus `id`; merge by id). */
  readonly changed: GraphEvent[];
  /** Deleted events (`@removed`). */
  readonly removed: RemovedEvent[];
  /** Store this and pass it as `deltaLink` next time. */
  readonly deltaLink: string;
  /**
   * True when the stored delta token had expired (410 `syncStateNotFound` / `resyncRequired`) and the
   * round restarted from the window: `changed` is then the FULL set — drop your local copy first.
   */
  readonly fullResync: boolean;
}

/**
 * A delta round for calendarView (event-delta.md) as an AsyncIterable of items across every page.
 * After iteration, `deltaLink` holds the link to store; `fullResync` tells whether an expired token
 * forced a full round (set before the first item of that round is yielded).
 * @public
 */
export interface DeltaRun extends AsyncIterable<DeltaItem> {
  readonly deltaLink: string | undefined;
  readonly fullResync: boolean;
  /** Runs the whole round and sorts the items. */
  result(): Promise<DeltaResult>;
}

/** Graph codes meaning "the delta token is gone, start again" (errors.md, delta-query-overview.md). */
const RESYNC_CODES = new Set(['syncStateNotFound', 'resyncRequired', 'syncStateInvalid']);

function isExpiredToken(error: unknown): boolean {
  if (!isCalError(error)) return false;
  return error.status === 410 || RESYNC_CODES.has(String(error.providerCode ?? ''));
}

/**
 * Starts (or continues, with `deltaLink`) a calendarView delta round.
 * @example
 * ```ts
 * const run = syncCalendarView(api, { start, end, deltaLink: saved });
 * for await (const item of run) isRemoved(item) ? drop(item.id) : upsert(item);
 * if (run.fullResync) …; save(run.deltaLink);
 * ```
 * @public
 */
export function syncCalendarView(api: GraphApi, options: DeltaSyncOptions): DeltaRun {
  const window = windowQuery(options.start, options.end);
  if (options.deltaLink !== undefined && (typeof options.deltaLink !== 'string' || !options.deltaLink)) {
    throw new ValidationError('deltaLink must be a non-empty string', { provider: 'graph', operation: 'syncCalendarView', details: [{ field: 'deltaLink', description: 'the stored @odata.deltaLink' }] });
  }
  const headers = preferHeader(api, { timeZone: options.timeZone, pageSize: options.pageSize });
  const signal = options.signal ? { signal: options.signal } : {};
  let deltaLink: string | undefined;
  let fullResync = false;
  let started = false;

  const first = (): Promise<ODataPage<DeltaItem>> =>
    options.calendarId
      ? unwrap(api, api.client.GET('/users/{user-id}/calendars/{calendar-id}/calendarView/delta()', { params: { path: { ...userPath(api), 'calendar-id': options.calendarId }, query: window }, headers, ...signal }))
      : unwrap(api, api.client.GET('/users/{user-id}/calendarView/delta()', { params: { path: userPath(api), query: window }, headers, ...signal }));

  async function* items(): AsyncGenerator<DeltaItem> {
    if (started) throw new ValidationError('A delta run can be iterated once', { provider: 'graph', operation: 'syncCalendarView' });
    started = true;
    let page: ODataPage<DeltaItem>;
    if (options.deltaLink) {
      try {
        page = await followLink(api, options.deltaLink, headers, options.signal);
      } catch (error) {
        if (!isExpiredToken(error)) throw error;
        fullResync = true;
        page = await first();
      }
    } else {
      page = await first();
    }
    for (;;) {
      yield* page.value ?? [];
      const next = page['@odata.nextLink'];
      if (!next) {
        deltaLink = page['@odata.deltaLink'] ?? undefined;
        if (!deltaLink) throw new ProtocolError('The delta round ended without @odata.deltaLink', { provider: 'graph' });
        return;
      }
      page = await followLink(api, next, headers, options.signal);
    }
  }

  const run: DeltaRun = {
    get deltaLink() {
      return deltaLink;
    },
    get fullResync() {
      return fullResync;
    },
    [Symbol.asyncIterator]: () => items(),
    async result() {
      const changed: GraphEvent[] = [];
      const removed: RemovedEvent[] = [];
      for await (const item of run) (isRemoved(item) ? removed : changed).push(item as never);
      return { changed, removed, deltaLink: deltaLink as string, fullResync };
    },
  };
  return run;
}
