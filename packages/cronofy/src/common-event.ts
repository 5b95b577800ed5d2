import type { CommonDateTime, CommonEvent, CommonParticipant } from '@cal/core';
import type { components } from './generated/cronofy.js';
import type { CronofyEvent } from './types.js';

type Attendee = components['schemas']['Attendee'];
type EventTime = components['schemas']['EventTime'];

/**
 * Attendee `status` → the common participation status. `accepted`/`tentative`/`declined` are the
 * documented participation statuses (reference §3.8); `needs_action`
 * is not in the stored docs and is mapped in case it appears. Anything else (e.g. `unknown`) is
 * left out: enumerations grow over time and an unknown value must not be guessed (reference §0, additive changes).
 */
const ATTENDEE_STATUS: Readonly<Record<string, CommonParticipant['status']>> = {
  accepted: 'accepted',
  tentative: 'tentative',
  declined: 'declined',
  needs_action: 'needs-action',
};

/** Event `status` values that have a common equivalent; others are left out. */
const EVENT_STATUS: Readonly<Record<string, CommonEvent['status']>> = {
  confirmed: 'confirmed',
  tentative: 'tentative',
  cancelled: 'cancelled',
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Converts a Cronofy event (as read with `cronofy.readEvents`) to the family's
 * provider-agnostic {@link CommonEvent}; the Cronofy object stays in `raw`.
 *
 * - `id` is `event_uid` (Cronofy's id of every event), else the app's `event_id` of a managed event.
 * - Times are kept as Cronofy sent them: a Time string (`2026-03-02T09:00:00Z`) stays an instant,
 *   a `YYYY-MM-DD` date makes the event all-day (end exclusive). With `localized_times` Cronofy
 *   sends `{ time, tzid }` where `time` is still an instant and `tzid` only labels it (reference
 *   §5 "Time-zone rules"), so it becomes the instant `time`. `tzid` is not put in `timeZone`,
 *   because a `CommonDateTime` with a zone means wall-clock time; it stays readable in `raw`.
 * - `deleted: true` (read with `includeDeleted`) makes the status `cancelled`; otherwise `status`
 *   (or the legacy `event_status`, reference "Open questions" 17) when it is a known value.
 * - `uid` is not set: the documented event fields carry no iCalendar UID.
 * @example
 * ```ts
 * for await (const e of cronofy.readEvents({ fromDate: '2026-03-01', toDate: '2026-03-08' })) show(toCommonEvent(e));
 * ```
 * @public
 */
export function toCommonEvent(event: CronofyEvent): CommonEvent<CronofyEvent> {
  const start = commonTime(event.start);
  const status = typeof event.status === 'string' ? event.status : event['event_status'];
  return {
    provider: 'cronofy',
    id: event.event_uid ?? event.event_id ?? '',
    calendarId: event.calendar_id,
    title: event.summary ?? '',
    description: event.description,
    location: event.location?.description,
    start,
    end: event.end === undefined ? undefined : commonTime(event.end),
    allDay: DATE_ONLY.test(start.dateTime),
    status: event.deleted === true ? 'cancelled' : typeof status === 'string' ? EVENT_STATUS[status] : undefined,
    recurring: event.recurring,
    organizer: event.organizer ? participant(event.organizer) : undefined,
    attendees: event.attendees?.map((a) => ({ ...participant(a), status: ATTENDEE_STATUS[a.status ?? ''] })),
    updated: event.updated,
    raw: event,
  };
}

function participant(a: Attendee): CommonParticipant {
  return { email: a.email, name: a.display_name };
}

function commonTime(value: EventTime | null | undefined): CommonDateTime {
  // `{ time, tzid }`: `time` is UTC (or carries an offset), `tzid` only labels it.
  return { dateTime: (typeof value === 'object' && value !== null ? value.time : value) ?? '' };
}
