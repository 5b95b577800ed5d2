import { call } from './method-call.js';
import { JMAPCalendarObject } from './calendar-object.js';
import { invalid } from './validate.js';
import { JMAPMethodError } from './errors.js';
import type { Transport } from './transport.js';
import type { CalendarEventFilter, JSCalendarEvent } from './types/jscalendar.js';
import type { Comparator } from './types/core.js';

/** Options of {@link JMAPClient.searchEvents}. All optional; none means every event. @public */
export interface SearchOptions {
  /** Only events in this calendar. */
  readonly calendarId?: string;
  /** Only events ending after this instant: a `Date`, a UTC `…Z` string, or a LocalDateTime in `timeZone`. */
  readonly start?: Date | string;
  /** Only events starting before this instant (same forms as `start`). */
  readonly end?: Date | string;
  /** Free text across title, description, locations and participants (search-index backed on Cyrus). */
  readonly text?: string;
  /** Only events with this UID. */
  readonly uid?: string;
  /** Zone of LocalDateTime `start`/`end` values (default `Etc/UTC`). */
  readonly timeZone?: string;
  /** Return one object per occurrence (requires `start` and `end`). */
  readonly expandRecurrences?: boolean;
  /** Sort order (default: by `start`). */
  readonly sort?: Comparator[];
  /** Maximum number of results. */
  readonly limit?: number;
  /** Cancels the request. */
  readonly signal?: AbortSignal;
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?Z$/;

/**
 * Converts a search bound to the LocalDateTime JMAP Calendars wants (draft §5.10: `after`/`before`
 * are LocalDateTime, interpreted in the query's `timeZone`). Cyrus 3.10 rejects a `…Z` value with
 * `invalidArguments filter/after`; python-caldav sends `isoformat()` with an offset (caldav-jmap.md §2.3).
 * @internal
 */
export function toLocalBound(value: Date | string, field: string): { local: string; utc: boolean } {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw invalid(field, 'searchEvents', 'invalid Date');
    return { local: value.toISOString().slice(0, 19), utc: true };
  }
  if (typeof value === 'string') {
    if (LOCAL.test(value)) return { local: value, utc: false };
    const m = UTC.exec(value);
    if (m?.[1]) return { local: m[1], utc: true };
  }
  throw invalid(field, 'searchEvents', 'expected a Date, YYYY-MM-DDTHH:MM:SS or YYYY-MM-DDTHH:MM:SSZ');
}

/**
 * How the server spells the calendar filter: `inCalendars` (array; Cyrus 3.10, RFC-era drafts) or
 * `inCalendar` (one id; draft -19 and later). Learned per client from an `invalidArguments` reply.
 * @internal
 */
export interface SearchDialect {
  calendarFilter: 'inCalendars' | 'inCalendar';
}

function buildFilter(opts: SearchOptions, dialect: SearchDialect): { filter: CalendarEventFilter; timeZone: string | undefined } {
  if (typeof opts !== 'object' || opts === null) throw invalid('options', 'searchEvents', 'expected an options object');
  if (opts.limit !== undefined && !(Number.isInteger(opts.limit) && opts.limit >= 0)) throw invalid('limit', 'searchEvents', 'must be a non-negative integer');
  for (const key of ['text', 'uid', 'timeZone'] as const) {
    if (opts[key] !== undefined && typeof opts[key] !== 'string') throw invalid(key, 'searchEvents', 'must be a string');
  }
  const filter: CalendarEventFilter = {};
  let utc = false;
  let local = false;
  if (opts.calendarId !== undefined) {
    if (typeof opts.calendarId !== 'string' || opts.calendarId === '') throw invalid('calendarId', 'searchEvents', 'must be a non-empty string');
    if (dialect.calendarFilter === 'inCalendars') filter.inCalendars = [opts.calendarId];
    else filter.inCalendar = opts.calendarId;
  }
  for (const [field, key] of [['start', 'after'], ['end', 'before']] as const) {
    const v = opts[field];
    if (v === undefined) continue;
    const b = toLocalBound(v, field);
    filter[key] = b.local;
    if (b.utc) utc = true;
    else local = true;
  }
  if (utc && local && opts.timeZone && opts.timeZone !== 'Etc/UTC') {
    throw invalid('timeZone', 'searchEvents', 'start and end mix UTC and local values in another zone');
  }
  if (opts.text !== undefined) filter.text = opts.text;
  if (opts.uid !== undefined) filter.uid = opts.uid;
  if (opts.expandRecurrences && (filter.after === undefined || filter.before === undefined)) {
    throw invalid('expandRecurrences', 'searchEvents', 'needs both start and end (draft-ietf-jmap-calendars §5.10)');
  }
  const hasBounds = filter.after !== undefined || filter.before !== undefined;
  return { filter, timeZone: hasBounds ? (utc ? 'Etc/UTC' : (opts.timeZone ?? 'Etc/UTC')) : undefined };
}

/**
 * `CalendarEvent/query` plus `CalendarEvent/get` with `#ids` pointing at the query's `/ids`: ONE HTTP
 * request, whatever the number of results (RFC 8620 §3.7).
 * @internal
 */
export async function searchEvents(t: Transport, opts: SearchOptions, dialect: SearchDialect, retried = false): Promise<JMAPCalendarObject[]> {
  const { filter, timeZone } = buildFilter(opts, dialect);
  const q = call('CalendarEvent/query', {
    filter,
    sort: opts.sort ?? [{ property: 'start', isAscending: true }],
    ...(timeZone ? { timeZone } : {}),
    ...(opts.expandRecurrences ? { expandRecurrences: true } : {}),
    ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
  });
  const g = call('CalendarEvent/get', { '#ids': q.ref('/ids') });
  const res = await t.send([q, g], opts.signal ? { signal: opts.signal } : {});
  const qr = res.result(q);
  if (!qr.ok) {
    const e = qr.error;
    // Other dialect of the calendar filter: switch once and repeat.
    if (!retried && opts.calendarId !== undefined && e instanceof JMAPMethodError && e.type === 'invalidArguments'
      && JSON.stringify(e.body ?? '').includes(`filter/${dialect.calendarFilter}`)) {
      dialect.calendarFilter = dialect.calendarFilter === 'inCalendars' ? 'inCalendar' : 'inCalendars';
      return searchEvents(t, opts, dialect, true);
    }
    throw e;
  }
  const ids = qr.value.ids;
  const byId = new Map(res.get(g).list.map((e: JSCalendarEvent) => [String(e.id), e] as const));
  // Keep the query's order (the get list is in no defined order).
  return ids.map((id) => byId.get(id)).filter((e): e is JSCalendarEvent => e !== undefined).map((e) => new JMAPCalendarObject(e));
}
