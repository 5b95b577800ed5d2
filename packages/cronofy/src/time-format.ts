import { ValidationError } from '@cal/core';

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

/** @internal */
export function invalid(field: string, operation: string | undefined, description: string): ValidationError {
  return new ValidationError(`Invalid ${field}: ${description}`, {
    provider: 'cronofy',
    details: [{ field, key: 'invalid', description }],
    ...(operation ? { operation } : {}),
  });
}

/**
 * Formats a Time (`Date` or ISO string with `Z`/offset) as UTC without milliseconds.
 * @throws ValidationError for anything else
 * @internal
 */
export function formatTime(value: CronofyTime, field: string, operation?: string): string {
  if (!isTime(value)) throw invalid(field, operation, 'expected a Date or an ISO 8601 date-time with Z or an offset');
  return utcSeconds(value instanceof Date ? value : new Date(value));
}

/**
 * Formats a query bound (`from`, `to`): a `YYYY-MM-DD` date stays a date (interpreted in `tzid` by
 * the server); anything else is a Time.
 * @internal
 */
export function formatDateOrTime(value: CronofyTime, field: string, operation?: string): string {
  if (isDateOnly(value)) return value;
  if (!isTime(value)) throw invalid(field, operation, 'expected a Date, a YYYY-MM-DD date or an ISO 8601 date-time');
  return formatTime(value, field, operation);
}
