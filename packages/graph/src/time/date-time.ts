import { ValidationError } from '@cal/core';
import type { components } from '../generated/graph-calendar.js';

/** Graph's `dateTimeTimeZone`. @public */
export type DateTimeTimeZone = components['schemas']['microsoft.graph.dateTimeTimeZone'];

/** Anything accepted as an instant: a Date, an ISO 8601 string or epoch ms. @public */
export type DateInput = Date | string | number;

/** Parses a {@link DateInput}; ValidationError for an invalid one (before any request). @internal */
export function toDate(value: DateInput, field: string): Date {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) {
    throw new ValidationError(`${field} is not a valid date`, { provider: 'graph', details: [{ field, description: 'a Date, ISO 8601 string or epoch ms' }] });
  }
  return d;
}

/** ISO 8601 in UTC for calendarView windows (`startDateTime`; "no offset means UTC"). @internal */
export function toIsoUtc(value: DateInput, field: string): string {
  return toDate(value, field).toISOString();
}

/**
 * An instant as Graph's `dateTimeTimeZone` in UTC (`{ dateTime: '2026-01-05T08:00:00.0000000', timeZone: 'UTC' }`).
 * @public
 */
export function utcDateTime(value: DateInput): DateTimeTimeZone {
  return { dateTime: `${toDate(value, 'dateTime').toISOString().slice(0, 19)}.0000000`, timeZone: 'UTC' };
}

/**
 * Reads a `dateTimeTimeZone` back as a Date. Only exact for `UTC` (what Graph returns without
 * `Prefer: outlook.timezone`); other zones need the zone's offset, which the caller asked Graph for.
 * @public
 */
export function parseGraphDateTime(value: DateTimeTimeZone): Date {
  const dt = value.dateTime ?? '';
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(dt) ? dt : `${dt.slice(0, 23)}Z`);
}
