import type { CommonDateTime, CommonEvent, CommonParticipant } from '@cal/core';
import type { GraphEvent } from './api/types.js';
import type { DateTimeTimeZone } from './time/date-time.js';
import { toIanaZone } from './time/windows-zones.js';

/** Graph `responseStatus.response` → the common participation status. */
const RESPONSE: Record<string, CommonParticipant['status']> = {
  accepted: 'accepted',
  organizer: 'accepted',
  tentativelyAccepted: 'tentative',
  declined: 'declined',
  notResponded: 'needs-action',
  none: 'needs-action',
};

/**
 * Converts a Graph event to the family's provider-agnostic {@link CommonEvent}; the Graph object
 * stays in `raw`.
 *
 * Times keep Graph's zone: `UTC` becomes an instant (`…Z`), a Windows zone name is mapped to its
 * IANA zone, and the 7-digit fraction Graph sends is trimmed. Ask Graph for UTC
 * (`Prefer: outlook.timezone="UTC"`, the default) to get instants.
 * @example
 * ```ts
 * for await (const e of calendarView(api, { start, end })) show(toCommonEvent(e));
 * ```
 * @public
 */
export function toCommonEvent(event: GraphEvent): CommonEvent<GraphEvent> {
  const allDay = event.isAllDay === true;
  const person = (a: { name?: string | null; address?: string | null } | null | undefined): CommonParticipant | undefined =>
    a ? { email: a.address ?? undefined, name: a.name ?? undefined } : undefined;
  return {
    provider: 'graph',
    id: event.id ?? '',
    uid: event.iCalUId ?? undefined,
    title: event.subject ?? '',
    description: event.bodyPreview ?? undefined,
    location: event.location?.displayName ?? undefined,
    start: commonTime(event.start, allDay),
    end: event.end ? commonTime(event.end, allDay) : undefined,
    allDay,
    status: event.isCancelled ? 'cancelled' : event.showAs === 'tentative' ? 'tentative' : 'confirmed',
    recurring: event.type ? event.type !== 'singleInstance' : undefined,
    organizer: person(event.organizer?.emailAddress),
    attendees: event.attendees?.map((a) => ({ ...person(a.emailAddress), status: RESPONSE[a.status?.response ?? ''] })),
    etag: event['@odata.etag'] ?? event.changeKey ?? undefined,
    updated: event.lastModifiedDateTime ?? undefined,
    raw: event,
  };
}

function commonTime(value: DateTimeTimeZone | null | undefined, allDay: boolean): CommonDateTime {
  const raw = value?.dateTime ?? '';
  // Graph sends `2026-03-01T09:00:00.0000000`: keep milliseconds only when they are not zero.
  const [whole = '', fraction = ''] = raw.split('.');
  const ms = fraction.slice(0, 3).padEnd(3, '0');
  const dateTime = /[1-9]/.test(ms) ? `${whole}.${ms}` : whole;
  if (allDay) return { dateTime: dateTime.slice(0, 10) };
  const zone = value?.timeZone ?? 'UTC';
  if (zone === 'UTC' || zone === 'Etc/UTC') return { dateTime: `${dateTime}Z` };
  return { dateTime, timeZone: toIanaZone(zone) };
}
