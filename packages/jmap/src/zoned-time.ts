/**
 * Wall-clock time in an IANA zone ↔ instant, with the zone rules of the platform's `Intl` (no tz
 * database shipped). Times are "wall milliseconds": the wall-clock reading encoded as if it were UTC
 * (`Date.UTC(y, m, d, h, mi, s)`), so plain arithmetic on them is nominal (calendar) arithmetic.
 * @packageDocumentation
 */

const DAY = 86_400_000;

// Created on first use (not at module load) so an app that never converts times pays nothing.
let formatters: Map<string, Intl.DateTimeFormat> | undefined;

function formatter(zone: string): Intl.DateTimeFormat | undefined {
  formatters ??= new Map();
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      return undefined; // not a zone this platform knows (RangeError): the caller leaves the time alone
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Wall milliseconds (whole seconds) of an instant in the formatter's zone. */
function wallAt(f: Intl.DateTimeFormat, instant: number): number {
  const p: Record<string, string> = {};
  for (const { type, value } of f.formatToParts(instant)) p[type] = value;
  const year = p['era'] === 'BC' ? 1 - Number(p['year']) : Number(p['year']);
  const d = new Date(0);
  d.setUTCFullYear(year, Number(p['month']) - 1, Number(p['day']));
  d.setUTCHours(Number(p['hour']), Number(p['minute']), Number(p['second']));
  return d.getTime();
}

/** The zone's UTC offset (ms) at an instant. */
function offsetAt(f: Intl.DateTimeFormat, instant: number): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallAt(f, whole) - whole;
}

/**
 * The instant a wall-clock time in `zone` denotes, or `undefined` for a zone `Intl` does not know.
 * Resolved as RFC 5545 §3.3.5 says (RFC 8984 keeps iCalendar's semantics): a time that occurs twice
 * (the hour repeated when clocks go back) is the first occurrence; a time that does not exist (the
 * hour skipped when clocks go forward) is read with the offset from before the gap, so 02:30 on a
 * 02:00→03:00 day is 03:30.
 * @internal
 */
export function wallToInstant(wall: number, zone: string): number | undefined {
  const f = formatter(zone);
  if (!f) return undefined;
  // Offsets a day either side: a transition near `wall` lies between them (zones change offset at
  // most once in two days).
  const before = offsetAt(f, wall - DAY);
  const after = offsetAt(f, wall + DAY);
  const valid = [before, after].filter((o) => offsetAt(f, wall - o) === o).map((o) => wall - o);
  return valid.length ? Math.min(...valid) : wall - before;
}

/**
 * Wall milliseconds of an instant in `zone` (keeping the instant's milliseconds), or `undefined`
 * for a zone `Intl` does not know.
 * @internal
 */
export function instantToWall(instant: number, zone: string): number | undefined {
  const f = formatter(zone);
  return f ? instant + offsetAt(f, instant) : undefined;
}
