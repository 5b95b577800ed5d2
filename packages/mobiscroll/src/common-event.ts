import type { CommonDateTime, CommonEvent, CommonParticipant } from '@cal/core';
import type { Attendee, CalendarEvent, EventTime } from './models.js';

/** Connect attendee status → the common participation status (`none` = not answered yet). */
const STATUS: Readonly<Record<string, CommonParticipant['status']>> = {
  accepted: 'accepted',
  declined: 'declined',
  tentative: 'tentative',
  none: 'needs-action',
};

/**
 * Converts a Mobiscroll Connect event to the family's provider-agnostic {@link CommonEvent}; the
 * Connect event stays in `raw`, untouched.
 *
 * `provider` is always `'mobiscroll'` (the package that produced it). The calendar behind Connect
 * (`google`, `microsoft`, `apple` or `caldav`) stays visible as `raw.provider`, and the provider's
 * own object as `raw.original`. Connect event ids are only unique per provider and Connect needs
 * the provider to address an event again, so `id` and `calendarId` are provider-qualified:
 * `'<provider>:<id>'` (split at the FIRST colon to get them back: ids may hold colons, e.g.
 * CalDAV URLs; provider names never do).
 *
 * Times are kept as the model gives them, never guessed: a date-time (a `Date`) becomes an
 * instant (`…Z`); a date-only all-day value stays the `YYYY-MM-DD` string. An all-day event whose
 * bounds arrive as date-times (Connect uses midnight boundaries) becomes dates only when they are
 * UTC midnight; any other instant is kept as an instant (and `allDay` is then `false`, since
 * {@link CommonEvent} all-day bounds are dates; `raw.allDay` still says `true`): its calendar date
 * depends on a zone Connect does not send. Connect has no ETag, UID or series flag for masters, so `etag` and `uid`
 * are left out and `recurring` is `true` only for instances (`recurringEventId`). `organizer` is
 * the attendee entry marked `organizer: true` (Connect adds one for Microsoft/Apple/CalDAV); it
 * also stays in `attendees`, as Connect lists it.
 * @example
 * ```ts
 * import { MobiscrollConnectClient, toCommonEvent } from '@cal/mobiscroll';
 *
 * for await (const e of client.events.iterAll({ start, end })) {
 *   const common = toCommonEvent(e);
 *   show(common.title, common.start.dateTime, common.raw.provider); // e.g. 'google'
 * }
 * ```
 * @public
 */
export function toCommonEvent(event: CalendarEvent): CommonEvent<CalendarEvent> {
  const allDay = event.allDay === true;
  const start = commonTime(event.start, allDay);
  const end = event.end === '' ? undefined : commonTime(event.end, allDay);
  const organizer = event.attendees.find((a) => a.organizer === true);
  return {
    provider: 'mobiscroll',
    id: `${event.provider}:${event.id}`,
    calendarId: event.calendarId === '' ? undefined : `${event.provider}:${event.calendarId}`,
    title: event.title,
    description: event.description,
    location: event.location,
    start,
    end,
    // Dates only when both bounds really are dates; otherwise the instants say what Connect said.
    allDay: allDay && isDate(start) && (end === undefined || isDate(end)),
    status: event.status,
    recurring: event.recurringEventId !== undefined ? true : undefined,
    organizer: organizer ? participant(organizer) : undefined,
    attendees: event.attendees.length ? event.attendees.map(participant) : undefined,
    updated: event.lastModified?.toISOString(),
    raw: event,
  };
}

function participant(a: Attendee): CommonParticipant {
  return { email: a.email, status: a.status === undefined ? undefined : STATUS[a.status] };
}

const isDate = (t: CommonDateTime): boolean => t.dateTime.length === 10;

function commonTime(value: EventTime, allDay: boolean): CommonDateTime {
  // A string is what the server sent (a date, or a value the model could not parse): keep it.
  if (typeof value === 'string') return { dateTime: value };
  const iso = value.toISOString();
  return { dateTime: allDay && iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso };
}
