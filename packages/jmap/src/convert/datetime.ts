import { ValidationError } from '@cal/core';

/**
 * Date/time helpers for the JSCalendar ↔ iCalendar mapping: iCalendar basic format
 * (`20250203T100000[Z]`, RFC 5545 §3.3.5) against JSCalendar LocalDateTime (`2025-02-03T10:00:00`,
 * RFC 8984 §1.4.4) and UTCDateTime.
 * @packageDocumentation
 */

/** A parsed DATE / DATE-TIME value. @internal */
export interface ICalTime {
  /** LocalDateTime (dates get `T00:00:00`). */
  local: string;
  /** VALUE=DATE. */
  dateOnly: boolean;
  /** Ends in `Z`. */
  utc: boolean;
}

function bad(value: string): never {
  throw new ValidationError(`Invalid iCalendar date/time "${value}"`, {
    provider: 'jmap',
    details: [{ field: 'ical', key: 'invalid', description: `invalid date/time ${value}` }],
  });
}

/** Parses `YYYYMMDD` or `YYYYMMDDTHHMMSS[Z]`. @internal */
export function parseICalTime(value: string): ICalTime {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value.trim());
  if (!m) return bad(value);
  const [, y, mo, d, h, mi, s, z] = m;
  const dateOnly = h === undefined;
  return { local: `${y}-${mo}-${d}T${h ?? '00'}:${mi ?? '00'}:${s ?? '00'}`, dateOnly, utc: z === 'Z' };
}

/** LocalDateTime → iCalendar basic format (optionally a DATE). @internal */
export function toICalTime(local: string, dateOnly = false, utc = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(local);
  if (!m) return bad(local);
  const [, y, mo, d, h, mi, s] = m;
  return dateOnly ? `${y}${mo}${d}` : `${y}${mo}${d}T${h}${mi}${s}${utc ? 'Z' : ''}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock time in `tz` of a UTC LocalDateTime (for UNTIL/EXDATE given in UTC). @internal */
export function utcToZone(utcLocal: string, tz: string): string {
  if (tz === 'Etc/UTC' || tz === 'UTC') return utcLocal;
  let f = formatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      });
    } catch {
      return utcLocal; // unknown zone (non-IANA TZID): keep the value as it was
    }
    formatters.set(tz, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(`${utcLocal}Z`)).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}`;
}

/** Seconds between two LocalDateTimes (wall clock). @internal */
export function diffSeconds(from: string, to: string): number {
  return (Date.parse(`${to}Z`) - Date.parse(`${from}Z`)) / 1000;
}

/** Seconds → ISO 8601 duration as RFC 8984 writes it (`P1D`, `PT1H30M`, `P0D`). @internal */
export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '-' : '';
  let s = Math.abs(Math.round(totalSeconds));
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  let out = `${sign}P${days ? `${days}D` : ''}`;
  if (h || m || s) out += `T${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
  return out === `${sign}P` ? 'P0D' : out;
}
