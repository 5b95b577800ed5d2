import { cloneComponent, getProperty } from './component.js';
import { ianaZone, readDateTime, toDate, type ICalDateTime } from './datetime.js';
import { durationToSeconds, parseDuration } from './duration.js';
import { invalid } from './errors.js';
import type { ICalComponent } from './model.js';
import { loadSeries } from './load-ical-js.js';

/** One occurrence of an event in a time range. @public */
export interface Occurrence {
  /** UID shared by all occurrences of the series. */
  uid: string;
  /** Instant the occurrence starts. */
  start: Date;
  /** Instant it ends (exclusive). */
  end: Date;
  /** DATE-valued (all-day) occurrence. */
  allDay: boolean;
  /** RECURRENCE-ID value of the occurrence (in the master DTSTART's form); absent for a non-recurring event. */
  recurrenceId?: string;
  /** The occurrence comes from an overriding component (RECURRENCE-ID in the data). */
  isOverride: boolean;
  /** The instance as a standalone VEVENT: DTSTART/DTEND of this occurrence, RECURRENCE-ID set, no RRULE/RDATE/EXDATE. */
  component: ICalComponent;
}

/** Options of {@link expandRecurrences}. @public */
export interface ExpandOptions {
  /** Stop after this many occurrences (default 10,000) — a guard against unbounded rules. */
  maxOccurrences?: number;
  /** Zone for floating times and DATE values (default `'UTC'`). */
  floatingZone?: string;
}

/** Whether `[s, e)` overlaps `[rs, re)`; shared with the lazily loaded `series.ts`. */
export function overlaps(s: number, e: number, rs: number, re: number): boolean {
  // RFC 4791 §9.9: a zero-length event matches when it starts inside the range.
  return e > s ? s < re && e > rs : s >= rs && s < re;
}

function endOf(comp: ICalComponent, start: ICalDateTime, floatingZone: string): Date {
  const dtend = readDateTime(getProperty(comp, 'DTEND') ?? getProperty(comp, 'DUE'));
  if (dtend) return toDate(dtend, floatingZone);
  const dur = getProperty(comp, 'DURATION');
  const s = toDate(start, floatingZone).getTime();
  if (dur) return new Date(s + durationToSeconds(parseDuration(dur.value)) * 1000);
  // RFC 5545 §3.6.1: no DTEND/DURATION → one day for a DATE start, zero length otherwise.
  return new Date(s + (start.isDate ? 86400_000 : 0));
}

function needsIcalJs(comp: ICalComponent): boolean {
  for (const name of ['DTSTART', 'DTEND', 'DUE', 'RECURRENCE-ID']) {
    const tz = getProperty(comp, name)?.params['TZID'];
    if (tz && !ianaZone(tz)) return true;
  }
  return false;
}

function isSeries(comp: ICalComponent): boolean {
  return !!(getProperty(comp, 'RRULE') || getProperty(comp, 'RDATE'));
}

/**
 * Expands the events of a calendar into the occurrences that overlap `[start, end)`:
 * RRULE, RDATE, EXDATE, RECURRENCE-ID overrides (including ones moved into the range), TZIDs with
 * IANA names (through `Intl`) or with the calendar's own VTIMEZONE. Non-recurring events in IANA
 * zones are handled without ical.js; anything recurring loads ical.js lazily.
 * Results are sorted by start, then UID.
 * @example
 * ```ts
 * const occ = await expandRecurrences(parseICalendar(text), { start: new Date('2025-01-01Z'), end: new Date('2025-02-01Z') });
 * ```
 * @public
 */
export async function expandRecurrences(calendar: ICalComponent, range: { start: Date; end: Date }, options: ExpandOptions = {}): Promise<Occurrence[]> {
  const rs = range.start.getTime();
  const re = range.end.getTime();
  if (!(rs < re)) throw invalid('range end must be after range start', 'end', 'expandRecurrences');
  const max = options.maxOccurrences ?? 10_000;
  const floating = options.floatingZone ?? 'UTC';
  const events = calendar.components.filter((c) => c.name === 'VEVENT');
  const byUid = new Map<string, ICalComponent[]>();
  for (const ev of events) {
    const uid = getProperty(ev, 'UID')?.value ?? '';
    const list = byUid.get(uid);
    if (list) list.push(ev);
    else byUid.set(uid, [ev]);
  }
  const out: Occurrence[] = [];
  const heavy: ICalComponent[][] = [];
  for (const [uid, comps] of byUid) {
    const master = comps.find((c) => !getProperty(c, 'RECURRENCE-ID'));
    if ((master && isSeries(master)) || comps.some(needsIcalJs)) {
      heavy.push(comps);
      continue;
    }
    for (const c of comps) {
      const st = readDateTime(getProperty(c, 'DTSTART'));
      if (!st) continue;
      const s = toDate(st, floating);
      const e = endOf(c, st, floating);
      if (!overlaps(s.getTime(), e.getTime(), rs, re)) continue;
      const rid = getProperty(c, 'RECURRENCE-ID');
      out.push({ uid, start: s, end: e, allDay: st.isDate, ...(rid ? { recurrenceId: rid.value } : {}), isOverride: !!rid, component: cloneComponent(c) });
    }
  }
  if (heavy.length) {
    const [series, ICAL, kit] = await loadSeries();
    series.expandSeries(ICAL, kit, calendar, heavy, rs, re, max, floating, out);
  }
  out.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  return out.slice(0, max);
}

/**
 * The first recurrence of `comp` (its RRULE from DTSTART, or DUE when a todo has no DTSTART) that
 * starts after `after`, as wall-clock fields in the anchor's form; undefined when the rule is
 * exhausted or there is no RRULE. EXDATEs are skipped. Loads ical.js lazily.
 * @public
 */
export async function nextRecurrence(comp: ICalComponent, after: ICalDateTime): Promise<ICalDateTime | undefined> {
  const rrule = getProperty(comp, 'RRULE');
  const anchor = readDateTime(getProperty(comp, 'DTSTART') ?? getProperty(comp, 'DUE'));
  if (!rrule || !anchor) return undefined;
  const [series, ICAL, kit] = await loadSeries();
  return series.nextAfter(ICAL, kit, comp, rrule.value, anchor, after);
}
