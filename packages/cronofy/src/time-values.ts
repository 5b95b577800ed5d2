/** A point in time: a `Date` or an ISO 8601 string (converted to UTC). @public */
export type CronofyTime = Date | string;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// ISO 8601 date-time with a designator; offsets are converted, fractions dropped.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** True for a `YYYY-MM-DD` string. @internal */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_ONLY.test(value)) return false;
  // round-trip: V8 happily parses 2026-02-30 as March 2nd
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
}

/** True for a `Date`/ISO string `formatTime` accepts. @internal */
export function isTime(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Cronofy "Time": UTC, seconds precision, `Z` (data-types docs). The API rejects non-zero
 * milliseconds and JS `toISOString()` always writes them, so they are cut off here.
 * @internal
 */
export function utcSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A validated query bound as sent: a `YYYY-MM-DD` date stays a date (a day boundary in `tzid`),
 * anything else becomes a Cronofy Time. Input must have passed validation (nothing is thrown).
 * @internal
 */
export function toDateOrTime(value: CronofyTime): string {
  return isDateOnly(value) ? value : utcSeconds(new Date(value));
}
