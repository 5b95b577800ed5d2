import type { CommonEvent } from '@cal/core';
import { icalToCommonEvent } from '@cal/ical';
import type { CalendarObject } from './calendar-object.js';

/**
 * Converts a calendar object to the family's provider-agnostic {@link CommonEvent}: `id` is the
 * object URL, `calendarId` the collection URL, `etag` the resource ETag; the object stays in `raw`.
 * An expanded occurrence (`cal.events({ expand: true })`) gets that occurrence's start and end as
 * instants (dates for all-day events).
 * @example
 * ```ts
 * const week = (await cal.events({ start, end, expand: true })).map(toCommonEvent);
 * ```
 * @public
 */
export function toCommonEvent(object: CalendarObject): CommonEvent<CalendarObject> {
  const event = icalToCommonEvent(object.component, {
    provider: 'caldav',
    id: object.url,
    calendarId: new URL('.', object.url).href,
    etag: object.etag,
    raw: object,
  });
  const o = object.occurrence;
  if (!o) return event;
  // Expansion already resolved the zone: these Dates are the occurrence's instants.
  const at = (d: Date) => ({ dateTime: o.allDay ? d.toISOString().slice(0, 10) : d.toISOString() });
  return { ...event, start: at(o.start), end: at(o.end), allDay: o.allDay };
}
