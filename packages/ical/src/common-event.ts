import type { CommonDateTime, CommonEvent, CommonParticipant } from '@cal/core';
import { getProperties, getProperty, mainComponent } from './component.js';
import { ianaZone, readDateTime, type ICalDateTime } from './datetime.js';
import { durationToSeconds, parseDuration } from './duration.js';
import type { ICalComponent, ICalProperty } from './model.js';
import { readText } from './text.js';

/** Where the event lives, for {@link icalToCommonEvent}. @public */
export interface CommonEventSource<Raw> {
  /** Package name, e.g. `caldav`. */
  provider: string;
  /** The provider's id (the object URL for CalDAV). */
  id: string;
  calendarId?: string | undefined;
  etag?: string | undefined;
  /** What goes into `raw`. */
  raw: Raw;
}

/** RFC 5545 §3.2.12 PARTSTAT → the common participation status. */
const PARTSTAT: Record<string, CommonParticipant['status']> = {
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  TENTATIVE: 'tentative',
  'NEEDS-ACTION': 'needs-action',
  DELEGATED: 'delegated',
};

/**
 * Maps the main VEVENT (or VTODO) of a VCALENDAR to the family's {@link CommonEvent}. Times keep
 * their iCalendar form: UTC as an instant (`…Z`), a TZID as wall-clock time plus zone, floating
 * without zone, DATE values as dates. A missing DTEND comes from DURATION (RFC 5545 §3.6.1) when
 * the start is UTC or a date; otherwise it is left out rather than computed in a guessed zone.
 * @public
 */
export function icalToCommonEvent<Raw>(calendar: ICalComponent, source: CommonEventSource<Raw>): CommonEvent<Raw> {
  const item = (calendar.name === 'VCALENDAR' ? mainComponent(calendar) : calendar) ?? { name: 'VEVENT', properties: [], components: [] };
  const text = (name: string) => readText(getProperty(item, name)) || undefined;
  const startDt = readDateTime(getProperty(item, 'DTSTART'));
  let endDt = readDateTime(getProperty(item, 'DTEND') ?? getProperty(item, 'DUE'));
  const duration = getProperty(item, 'DURATION');
  if (!endDt && startDt && duration && (startDt.utc || startDt.isDate)) endDt = shift(startDt, durationToSeconds(parseDuration(duration.value)));
  const status = getProperty(item, 'STATUS')?.value.toUpperCase();
  const organizer = getProperty(item, 'ORGANIZER');
  return {
    provider: source.provider,
    id: source.id,
    calendarId: source.calendarId,
    uid: getProperty(item, 'UID')?.value,
    title: text('SUMMARY') ?? '',
    description: text('DESCRIPTION'),
    location: text('LOCATION'),
    start: startDt ? commonTime(startDt) : { dateTime: '' },
    end: endDt ? commonTime(endDt) : undefined,
    allDay: startDt?.isDate === true,
    status: status === 'CANCELLED' ? 'cancelled' : status === 'TENTATIVE' ? 'tentative' : status === 'CONFIRMED' ? 'confirmed' : undefined,
    recurring: Boolean(getProperty(item, 'RRULE') ?? getProperty(item, 'RDATE') ?? getProperty(item, 'RECURRENCE-ID')),
    organizer: organizer ? participant(organizer) : undefined,
    attendees: getProperties(item, 'ATTENDEE').map(participant),
    etag: source.etag,
    updated: instant(readDateTime(getProperty(item, 'LAST-MODIFIED') ?? getProperty(item, 'DTSTAMP'))),
    raw: source.raw,
  };
}

function participant(p: ICalProperty): CommonParticipant {
  const email = p.value.replace(/^mailto:/i, '') || undefined;
  return { email, name: p.params['CN'] || undefined, status: PARTSTAT[(p.params['PARTSTAT'] ?? '').toUpperCase()] };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function commonTime(dt: ICalDateTime): CommonDateTime {
  const date = `${pad(dt.year, 4)}-${pad(dt.month)}-${pad(dt.day)}`;
  if (dt.isDate) return { dateTime: date };
  const wall = `${date}T${pad(dt.hour)}:${pad(dt.minute)}:${pad(dt.second)}`;
  if (dt.utc) return { dateTime: `${wall}Z` };
  // `/mozilla.org/…/Europe/Berlin`-style TZIDs are mapped to the IANA id they end in.
  return dt.tzid ? { dateTime: wall, timeZone: ianaZone(dt.tzid) ?? dt.tzid } : { dateTime: wall };
}

function instant(dt: ICalDateTime | undefined): string | undefined {
  return dt?.utc ? commonTime(dt).dateTime : undefined;
}

/** Adds seconds to a UTC date-time or a date (whole days), calendar-correct via Date.UTC. */
function shift(dt: ICalDateTime, seconds: number): ICalDateTime {
  const d = new Date(Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second) + seconds * 1000);
  return { ...dt, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}
