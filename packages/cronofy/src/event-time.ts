import { formatDateOrTime, invalid } from './time-format.js';

/** A start/end: a time, a `YYYY-MM-DD` date (all-day), or `{ time, tzid }` (time is UTC, tzid labels it). @public */
export type CronofyEventTime = Date | string | { time: Date | string; tzid: string };

/**
 * Formats an event start/end: date-only (all-day) kept, times to UTC, `{time, tzid}` with its time
 * formatted. Never mutates the caller's value (pycronofy does, §10).
 * @internal
 */
export function formatEventTime(
  value: CronofyEventTime,
  field: string,
  operation?: string,
): string | { time: string; tzid: string } {
  if (typeof value === 'object' && !(value instanceof Date) && value !== null) {
    if (typeof value.tzid !== 'string' || !value.tzid) throw invalid(`${field}.tzid`, operation, 'required');
    return { time: formatDateOrTime(value.time, `${field}.time`, operation), tzid: value.tzid };
  }
  return formatDateOrTime(value, field, operation);
}
