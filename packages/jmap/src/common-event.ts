import type { CommonDateTime, CommonEvent, CommonParticipant } from '@cal/core';
import type { JMAPCalendarObject } from './calendar-object.js';
import { PROVIDER } from './constants.js';
import { allDayEnd, eventEnd } from './event-end.js';
import type { JSCalendarEvent, Participant } from './types/jscalendar.js';

// Only type imports and small local helpers here: this module must not pull @cal/ical or the
// iCalendar converters into an app (see README "Size"); unused, it is tree-shaken away entirely.

/** RFC 8984 §4.4.6 `participationStatus` values, the same words in the common shape. */
const PARTSTAT: readonly string[] = ['accepted', 'declined', 'tentative', 'needs-action', 'delegated'];

/** RFC 8984 §5.1.3 `status` values, the same words in the common shape. */
const STATUS: readonly string[] = ['confirmed', 'tentative', 'cancelled'];

// A list, not an object lookup: a server value such as `constructor` must not find Object.prototype.
const known = <T extends string>(words: readonly string[], value: string): T | undefined =>
  words.includes(value) ? (value as T) : undefined;

/**
 * A {@link JMAPCalendarObject}, told apart by its method rather than `instanceof`, so an object from
 * the other build (ESM vs CJS) of this package is recognised too; JSON never carries a function.
 */
const isObject = (e: JMAPCalendarObject | JSCalendarEvent): e is JMAPCalendarObject =>
  typeof (e as { toICal?: unknown }).toICal === 'function';

const isUtc = (zone: string | null | undefined) => zone === 'UTC' || zone === 'Etc/UTC';

/**
 * Converts a JMAP calendar event (RFC 8984 JSCalendar) to the family's provider-agnostic
 * {@link CommonEvent}; what was passed stays in `raw`.
 *
 * - `id` is the server id, `calendarId` the event's calendar when `calendarIds` names exactly one.
 * - Times keep JSCalendar's form: `start` with an IANA `timeZone` is wall-clock time plus zone,
 *   `UTC`/`Etc/UTC` an instant (`…Z`), no `timeZone` a floating time, `showWithoutTime` a date
 *   (`allDay`).
 * - `end` is `start` + `duration` (default `PT0S`, RFC 8984 §5.1.2) in the start's zone. Days and
 *   weeks are nominal and hours exact (RFC 8984 §1.4.6), so across a DST change the zone's rules
 *   (from `Intl`) decide; `end` is left out when the duration is invalid, the zone is unknown to
 *   `Intl`, or an all-day event has a duration with a time part.
 * - `status` defaults to `confirmed` and `participationStatus` to `needs-action`, as RFC 8984 says;
 *   the organizer is the participant with the `owner` role, attendees those with `attendee`.
 * - `etag` is always undefined: JMAP versions a whole type (`state`), not each object.
 * @example
 * ```ts
 * const week = (await client.searchEvents({ calendarId, start: new Date(), end: new Date(Date.now() + 7 * 864e5) }))
 *   .map((e) => toCommonEvent(e));
 * // week[0].start → { dateTime: '2026-03-02T09:00:00', timeZone: 'Europe/Berlin' }
 * ```
 * @public
 */
export function toCommonEvent<T extends JMAPCalendarObject | JSCalendarEvent>(event: T): CommonEvent<T> {
  const data: JSCalendarEvent = isObject(event) ? event.data : event;
  // Servers send `null` for unset properties (Cyrus does), so every read below tolerates it.
  const calendars = Object.keys(data.calendarIds ?? {}).filter((id) => data.calendarIds?.[id]);
  const participants = Object.values(data.participants ?? {}).filter((p): p is Participant => p != null);
  const owner = participants.find((p) => p.roles?.owner === true);
  const allDay = data.showWithoutTime === true;
  const start = data.start ?? '';
  const duration = data.duration ?? 'PT0S';
  const end = start ? (allDay ? allDayEnd(start, duration) : eventEnd(start, duration, data.timeZone)) : undefined;
  return {
    provider: PROVIDER,
    id: isObject(event) ? event.id : String(data.id ?? ''),
    calendarId: calendars.length === 1 ? calendars[0] : undefined,
    uid: data.uid ?? undefined,
    title: data.title ?? '',
    description: data.description || undefined,
    location: Object.values(data.locations ?? {}).find((l) => l?.name)?.name,
    start: commonTime(start, data.timeZone, allDay),
    end: end === undefined ? undefined : commonTime(end, data.timeZone, allDay),
    allDay,
    status: known<NonNullable<CommonEvent['status']>>(STATUS, data.status ?? 'confirmed'),
    recurring: Boolean(
      (data.recurrenceRules ?? []).length || Object.keys(data.recurrenceOverrides ?? {}).length || data.recurrenceId,
    ),
    organizer: owner ? participant(owner) : undefined,
    attendees: participants.filter((p) => p.roles?.attendee === true).map(participant),
    etag: undefined,
    updated: data.updated ?? undefined,
    raw: event,
  };
}

function commonTime(local: string, zone: string | null | undefined, allDay: boolean): CommonDateTime {
  if (allDay) return { dateTime: local.slice(0, 10) };
  if (!local || !zone) return { dateTime: local };
  return isUtc(zone) ? { dateTime: `${local}Z` } : { dateTime: local, timeZone: zone };
}

function participant(p: Participant): CommonParticipant {
  return {
    email: p.email || mailto(p.sendTo?.['imip']),
    name: p.name || undefined,
    status: known<NonNullable<CommonParticipant['status']>>(PARTSTAT, p.participationStatus ?? 'needs-action'),
  };
}

/** `mailto:` URI (RFC 6068, as `sendTo.imip` holds it) → address; `undefined` for other URIs. */
function mailto(uri: string | undefined): string | undefined {
  const m = /^mailto:([^?]+)/i.exec(uri ?? '');
  if (!m?.[1]) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1]; // malformed %-escape: keep the text as sent
  }
}
