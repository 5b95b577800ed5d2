import { instantToWall, wallToInstant } from './zoned-time.js';

/**
 * The end of a JSCalendar event, `start` + `duration` (RFC 8984 §5.1.2), as a LocalDateTime.
 * @packageDocumentation
 */

const DAY = 86_400_000;

/** An RFC 8984 §1.4.6 Duration split into its nominal (days) and exact (milliseconds) parts. */
interface Duration {
  days: number;
  exact: number;
}

/** Parses an RFC 8984 §1.4.6 Duration (`P1W2DT3H4M5.5S`, weeks may combine with days); `undefined` if invalid. */
function parseDuration(value: string): Duration | undefined {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  if (!m || value === 'P' || value.endsWith('T')) return undefined;
  const [, w, d, h, mi, s] = m;
  return {
    days: Number(w ?? 0) * 7 + Number(d ?? 0),
    exact: Math.round((Number(h ?? 0) * 3600 + Number(mi ?? 0) * 60 + Number(s ?? 0)) * 1000),
  };
}

/** LocalDateTime (`YYYY-MM-DDTHH:MM:SS[.fff]`, RFC 8984 §1.4.4) → wall milliseconds; `undefined` if invalid. */
function parseLocal(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac] = m;
  const t = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not turn years 0–99 into 1900–1999.
  t.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  t.setUTCHours(Number(h), Number(mi), Number(s), Number((frac ?? '').slice(0, 3).padEnd(3, '0')));
  return t.getTime();
}

/** Wall milliseconds → LocalDateTime, with milliseconds only when they are not zero. */
function formatLocal(wall: number): string {
  const iso = new Date(wall).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, -5) : iso.slice(0, -1);
}

/**
 * `start` + `duration` as a LocalDateTime in the start's zone (`timeZone` null/undefined =
 * floating), or `undefined` when either value is invalid or the zone is unknown to `Intl`.
 *
 * RFC 8984 §1.4.6 (as RFC 5545 §3.3.6): days and weeks are nominal, added to the wall-clock date
 * (P1D across a DST change is 23 or 25 hours); hours, minutes and seconds are exact, added to the
 * instant. So in a real zone the end needs that zone's rules: they come from `Intl`. Floating and
 * UTC times need none (every day has 24 hours).
 * @internal
 */
export function eventEnd(start: string, duration: string, timeZone: string | null | undefined): string | undefined {
  const wall = parseLocal(start);
  const d = parseDuration(duration);
  if (wall === undefined || !d) return undefined;
  const shifted = wall + d.days * DAY;
  if (!timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC') return formatLocal(shifted + d.exact);
  const instant = wallToInstant(shifted, timeZone);
  const end = instant === undefined ? undefined : instantToWall(instant + d.exact, timeZone);
  return end === undefined ? undefined : formatLocal(end);
}

/**
 * The exclusive end date (`YYYY-MM-DD`) of a `showWithoutTime` event: start date + whole days. A
 * duration with a time part (`PT12H`) has no date answer, so it gives `undefined`.
 * @internal
 */
export function allDayEnd(start: string, duration: string): string | undefined {
  const wall = parseLocal(start.length === 10 ? `${start}T00:00:00` : start);
  const d = parseDuration(duration);
  if (wall === undefined || !d || d.exact !== 0) return undefined;
  return formatLocal(wall + d.days * DAY).slice(0, 10);
}
