import { cloneComponent, getProperties, getProperty, removeProperty, setProperty } from './component.js';
import { dateTimeProperty, ianaZone, readDateTime, toDate, zonedToEpoch, type ICalDateTime } from './datetime.js';
import { durationToSeconds, parseDuration } from './duration.js';
import { invalid } from './errors.js';
import type { ICalComponent } from './model.js';
import { serializeICalendar } from './serialize.js';

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

// ical.js is only typed loosely here on purpose: it is loaded lazily and we touch a tiny surface.
/* eslint-disable @typescript-eslint/no-explicit-any */
type IcalModule = any;
let icalPromise: Promise<IcalModule> | undefined;

/**
 * ical.js (~23 KB gzip) is loaded only when a series really needs expanding or a TZID needs a
 * VTIMEZONE, so apps that only list, create and sync events never download it.
 */
function loadIcalJs(): Promise<IcalModule> {
  icalPromise ??= import('ical.js').then((m: any) => m.default ?? m);
  return icalPromise;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function overlaps(s: number, e: number, rs: number, re: number): boolean {
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
  if (heavy.length) await expandWithIcalJs(calendar, heavy, rs, re, max, floating, out);
  out.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  return out.slice(0, max);
}

async function expandWithIcalJs(
  calendar: ICalComponent,
  groups: ICalComponent[][],
  rs: number,
  re: number,
  max: number,
  floating: string,
  out: Occurrence[],
): Promise<void> {
  const ICAL = await loadIcalJs();
  const tzs = calendar.components.filter((c) => c.name === 'VTIMEZONE');
  for (const comps of groups) {
    // One small VCALENDAR per series keeps ical.js work proportional to what needs expanding.
    const text = serializeICalendar({ name: 'VCALENDAR', properties: [{ name: 'VERSION', params: {}, value: '2.0' }], components: [...tzs, ...comps] });
    let root: any;
    try {
      root = new ICAL.Component(ICAL.parse(text));
    } catch (e) {
      throw invalid(`recurrence data rejected by ical.js: ${(e as Error).message}`, 'icalendar', 'expandRecurrences');
    }
    const jsEvents: any[] = root.getAllSubcomponents('vevent');
    const mine = new Map<any, ICalComponent>();
    jsEvents.forEach((j, i) => mine.set(j, comps[i]!));
    const masterJs = jsEvents.find((j) => !j.hasProperty('recurrence-id'));
    const overridesJs = jsEvents.filter((j) => j.hasProperty('recurrence-id'));
    const uid = getProperty(comps[0]!, 'UID')?.value ?? '';
    const instant = (t: any, tzid: string | undefined): number => {
      const f: Fields = { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second };
      const utc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
      if (t.isDate) return zonedToEpoch(f, floating) ?? utc;
      const zid: string | undefined = t.zone?.tzid;
      if (zid === 'UTC') return utc;
      const name = tzid ?? (zid && zid !== 'floating' ? zid : undefined);
      if (name) {
        // Prefer Intl for IANA names so all servers (whatever VTIMEZONE they store) give the same instants.
        const viaIntl = ianaZone(name) ? zonedToEpoch(f, name) : undefined;
        if (viaIntl !== undefined) return viaIntl;
        if (t.zone && zid !== 'floating') return t.toUnixTime() * 1000;
      }
      return floating === 'UTC' ? utc : (zonedToEpoch(f, floating) ?? utc);
    };
    if (!masterJs) {
      continue;
    }
    const masterMine = mine.get(masterJs)!;
    const startProp = getProperty(masterMine, 'DTSTART');
    const startTz = startProp?.params['TZID'];
    const startDt = readDateTime(startProp);
    if (!startDt) continue;
    const event = new ICAL.Event(masterJs, { strictExceptions: false, exceptions: overridesJs });
    const seen = new Set<string>();
    const emit = (itemJs: any, startT: any, endT: any, ridT: any): void => {
      const item = mine.get(itemJs) ?? masterMine;
      const isOverride = item !== masterMine;
      const itemStartTz = getProperty(item, 'DTSTART')?.params['TZID'];
      const endProp = getProperty(item, 'DTEND');
      const s = instant(startT, itemStartTz);
      const e = instant(endT, endProp?.params['TZID'] ?? itemStartTz);
      const ridDt: ICalDateTime = { year: ridT.year, month: ridT.month, day: ridT.day, hour: ridT.hour, minute: ridT.minute, second: ridT.second, isDate: startDt.isDate, utc: startDt.utc, ...(startTz && !startDt.utc && !startDt.isDate ? { tzid: startTz } : {}) };
      const ridProp = dateTimeProperty('RECURRENCE-ID', ridDt);
      if (seen.has(ridProp.value)) return;
      seen.add(ridProp.value);
      if (!overlaps(s, e, rs, re)) return;
      const comp = cloneComponent(item);
      if (!isOverride) {
        const sDt: ICalDateTime = { ...ridDt, year: startT.year, month: startT.month, day: startT.day, hour: startT.hour, minute: startT.minute, second: startT.second };
        setProperty(comp, { ...dateTimeProperty('DTSTART', sDt), params: { ...startProp!.params } });
        if (endProp) {
          const eDt = readDateTime(endProp)!;
          const eNew: ICalDateTime = { ...eDt, year: endT.year, month: endT.month, day: endT.day, hour: endT.hour, minute: endT.minute, second: endT.second };
          setProperty(comp, { ...dateTimeProperty('DTEND', eNew), params: { ...endProp.params } });
        }
        removeProperty(comp, 'RRULE');
        removeProperty(comp, 'RDATE');
        removeProperty(comp, 'EXDATE');
        // Put RECURRENCE-ID right after DTSTART-ish properties; order is not significant in iCalendar.
        comp.properties.push(ridProp);
      }
      out.push({ uid, start: new Date(s), end: new Date(e), allDay: !!startT.isDate, recurrenceId: ridProp.value, isOverride, component: comp });
    };
    const it = event.iterator();
    let guard = 0;
    let next: any;
    while ((next = it.next())) {
      if (++guard > 1_000_000 || out.length >= max) break;
      const ridMs = instant(next, startTz);
      // Occurrences come in RECURRENCE-ID order; once past the range only moved overrides can still match.
      if (ridMs >= re) break;
      const d = event.getOccurrenceDetails(next);
      emit(d.item.component, d.startDate, d.endDate, d.recurrenceId);
    }
    // Overrides whose original slot lies after the range but which were moved into it.
    for (const oj of overridesJs) {
      const ridT = oj.getFirstPropertyValue('recurrence-id');
      const st = oj.getFirstPropertyValue('dtstart');
      if (!ridT || !st) continue;
      const d = event.getOccurrenceDetails(ridT);
      emit(oj, d.startDate, d.endDate, ridT);
    }
  }
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
  const ICAL = await loadIcalJs();
  let recur: any;
  try {
    recur = ICAL.Recur.fromString(rrule.value);
  } catch (e) {
    throw invalid(`RRULE rejected by ical.js: ${(e as Error).message}`, 'rrule', 'nextRecurrence');
  }
  const fields = (t: ICalDateTime) => ({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second, isDate: t.isDate });
  const start = ICAL.Time.fromData(fields(anchor));
  const limit = ICAL.Time.fromData(fields(after));
  const excluded = new Set(getProperties(comp, 'EXDATE').flatMap((p) => p.value.split(',')));
  const it = recur.iterator(start);
  for (let i = 0, next: any; i < 100_000 && (next = it.next()); i++) {
    if (next.compare(limit) <= 0) continue;
    const dt: ICalDateTime = { ...anchor, year: next.year, month: next.month, day: next.day, hour: next.hour, minute: next.minute, second: next.second };
    if (excluded.has(dateTimeProperty('X', dt).value)) continue;
    return dt;
  }
  return undefined;
}
