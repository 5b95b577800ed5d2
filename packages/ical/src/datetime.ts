import { invalid } from './errors.js';
import type { ICalProperty } from './model.js';

/**
 * A DATE or DATE-TIME value (RFC 5545 §3.3.4/§3.3.5) with its zone form: UTC (`Z`), a `TZID`
 * parameter, or floating (neither).
 * @public
 */
export interface ICalDateTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** VALUE=DATE (all-day); the time fields are 0. */
  isDate: boolean;
  /** Ends in `Z`. */
  utc: boolean;
  /** The `TZID` parameter, when present. */
  tzid?: string;
}

const DT_RE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;

/**
 * Parses a DATE or DATE-TIME value. `tzid` is the property's TZID parameter, if any.
 * Throws `ValidationError` for anything else.
 * @public
 */
export function parseDateTime(value: string, tzid?: string): ICalDateTime {
  const m = DT_RE.exec(value.trim());
  if (!m) throw invalid(`"${value.slice(0, 40)}" is not a DATE or DATE-TIME`, 'date-time', 'parseDateTime');
  const dt: ICalDateTime = {
    year: +m[1]!,
    month: +m[2]!,
    day: +m[3]!,
    hour: m[4] ? +m[4] : 0,
    minute: m[5] ? +m[5] : 0,
    second: m[6] ? +m[6] : 0,
    isDate: !m[4],
    utc: !!m[7],
  };
  if (dt.month < 1 || dt.month > 12 || dt.day < 1 || dt.day > 31 || dt.hour > 23 || dt.minute > 59 || dt.second > 60)
    throw invalid(`"${value}" is out of range`, 'date-time', 'parseDateTime');
  if (tzid && !dt.utc && !dt.isDate) dt.tzid = tzid;
  return dt;
}

/** Reads a DATE/DATE-TIME property (DTSTART, DTEND, DUE, RECURRENCE-ID…). @public */
export function readDateTime(prop: ICalProperty | undefined): ICalDateTime | undefined {
  if (!prop) return undefined;
  const dt = parseDateTime(prop.value, prop.params['TZID']);
  if (prop.params['VALUE'] === 'DATE' && !dt.isDate) throw invalid(`${prop.name} is VALUE=DATE but holds a time`, prop.name);
  return dt;
}

const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const p4 = (n: number): string => String(n).padStart(4, '0');

/** Formats the value text of a DATE/DATE-TIME (`20250310` or `20250310T090000[Z]`). @public */
export function formatDateTime(dt: ICalDateTime): string {
  const d = `${p4(dt.year)}${p2(dt.month)}${p2(dt.day)}`;
  if (dt.isDate) return d;
  return `${d}T${p2(dt.hour)}${p2(dt.minute)}${p2(dt.second)}${dt.utc ? 'Z' : ''}`;
}

/** Builds a DATE/DATE-TIME property with the right `VALUE`/`TZID` parameters. @public */
export function dateTimeProperty(name: string, dt: ICalDateTime, extraParams: Record<string, string> = {}): ICalProperty {
  const params: Record<string, string> = { ...extraParams };
  if (dt.isDate) params['VALUE'] = 'DATE';
  else if (dt.tzid && !dt.utc) params['TZID'] = dt.tzid;
  return { name: name.toUpperCase(), params, value: formatDateTime(dt) };
}

/**
 * A JS Date as ICalDateTime: UTC date-time by default, or an all-day DATE (UTC calendar day) with
 * `{ allDay: true }`, or local wall time in an IANA zone with `{ tzid }`.
 * @public
 */
export function fromDate(date: Date, options: { allDay?: boolean; tzid?: string } = {}): ICalDateTime {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw invalid('not a valid Date', 'date', 'fromDate');
  if (options.tzid && !options.allDay) {
    const f = zoneFields(date.getTime(), options.tzid);
    return { ...f, isDate: false, utc: false, tzid: options.tzid };
  }
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: options.allDay ? 0 : date.getUTCHours(),
    minute: options.allDay ? 0 : date.getUTCMinutes(),
    second: options.allDay ? 0 : date.getUTCSeconds(),
    isDate: !!options.allDay,
    utc: !options.allDay,
  };
}

/** Calendar fields of a wall-clock time. @internal */
export interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Maps a TZID to an IANA zone Intl knows, or undefined. Handles `/mozilla.org/…/Europe/Berlin` style ids. */
export function ianaZone(tzid: string): string | undefined {
  const tries = [tzid, tzid.replace(/^\/+/, ''), tzid.split('/').slice(-2).join('/'), tzid.split('/').slice(-3).join('/')];
  for (const t of tries) {
    if (!t) continue;
    if (formatters.has(t)) return t;
    try {
      formatters.set(
        t,
        new Intl.DateTimeFormat('en-US', {
          timeZone: t,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        }),
      );
      return t;
    } catch {
      /* not an IANA name */
    }
  }
  return undefined;
}

function zoneFields(epochMs: number, tz: string): Fields {
  const zone = ianaZone(tz);
  if (!zone) throw invalid(`unknown time zone "${tz}"`, 'tzid', 'fromDate');
  const parts = formatters.get(zone)!.formatToParts(new Date(epochMs));
  const get = (t: string): number => +(parts.find((p) => p.type === t)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

const utcOf = (f: Fields): number => Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);

/**
 * Converts wall-clock fields in an IANA zone to epoch ms (two-pass offset search; for a skipped
 * DST hour the later offset wins, for a repeated hour the first occurrence, like RFC 5545 §3.3.5).
 * Returns undefined when the zone is unknown to Intl.
 * @public
 */
const offsetCache = new Map<string, number>();

/** UTC offset (ms) of `tz` at instant `t`, cached per zone and quarter hour (every zone changes offset on a UTC quarter hour). */
function offsetAt(t: number, tz: string): number {
  const key = tz + '|' + Math.floor(t / 900_000);
  let off = offsetCache.get(key);
  if (off === undefined) {
    off = utcOf(zoneFields(t, tz)) - Math.floor(t / 1000) * 1000;
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(key, off);
  }
  return off;
}

export function zonedToEpoch(f: Fields, tzid: string): number | undefined {
  if (!ianaZone(tzid)) return undefined;
  const guess = utcOf(f);
  const off1 = offsetAt(guess, tzid);
  let t = guess - off1;
  const off2 = offsetAt(t, tzid);
  if (off2 === off1) return t;
  t = guess - off2;
  // A time in a spring-forward gap does not exist: the RFC says use the offset before the gap.
  if (t + offsetAt(t, tzid) !== guess) t = guess - Math.max(off1, off2);
  return t;
}

/**
 * The instant of a DATE/DATE-TIME: UTC as is, TZID through Intl (IANA names), floating and DATE
 * values in `floatingZone` (default `'UTC'`). Throws `ValidationError` for an unknown TZID; use
 * `expandRecurrences` for calendars that define their own VTIMEZONE.
 * @public
 */
export function toDate(dt: ICalDateTime, floatingZone = 'UTC'): Date {
  if (dt.utc) return new Date(utcOf(dt));
  const zone = dt.tzid && !dt.isDate ? dt.tzid : floatingZone;
  if (zone === 'UTC') return new Date(utcOf(dt));
  const t = zonedToEpoch(dt, zone);
  if (t === undefined) throw invalid(`unknown time zone "${zone}"`, 'tzid', 'toDate');
  return new Date(t);
}

/** Adds seconds to wall-clock fields (no zone math: floating arithmetic, as RFC 5545 does for DATE/local times). */
export function addSeconds(dt: ICalDateTime, seconds: number): ICalDateTime {
  const d = new Date(utcOf(dt) + seconds * 1000);
  return {
    ...dt,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Wall-clock difference b - a in seconds (ignoring zones). */
export function wallDiffSeconds(a: ICalDateTime, b: ICalDateTime): number {
  return (utcOf(b) - utcOf(a)) / 1000;
}
