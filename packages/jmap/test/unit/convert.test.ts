import { describe, expect, it } from 'vitest';
import { ValidationError } from '@cal/core';
import { parseICalendar } from '@cal/ical';
import type { JSCalendarEvent } from '@cal/jmap';
import { icalToJSCalendar, jsCalendarToICal } from '@cal/jmap/ical';

const CRLF = '\r\n';
const cal = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//EN', ...lines, 'END:VCALENDAR', ''].join(CRLF);

const RECURRING = cal(
  'BEGIN:VEVENT', 'UID:r1', 'DTSTAMP:20250101T000000Z', 'DTSTART;TZID=America/New_York:20250106T090000',
  'DTEND;TZID=America/New_York:20250106T093000', 'SUMMARY:Standup', 'DESCRIPTION:Daily\\, short\\nsync',
  'LOCATION:Room\\; 4', 'STATUS:CONFIRMED', 'TRANSP:OPAQUE', 'CLASS:CONFIDENTIAL', 'PRIORITY:5', 'SEQUENCE:2',
  'CATEGORIES:work,team', 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,-1FR;UNTIL=20250331T130000Z;WKST=SU',
  'EXDATE;TZID=America/New_York:20250120T090000', 'RDATE;TZID=America/New_York:20250108T090000',
  'ORGANIZER;CN=Olga:mailto:olga@example.com',
  'ATTENDEE;CN=Olga;ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:olga@example.com',
  'ATTENDEE;CN="Doe, Jane";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CUTYPE=INDIVIDUAL:mailto:jane@example.com',
  'ATTENDEE;ROLE=NON-PARTICIPANT;CUTYPE=ROOM:mailto:room4@example.com',
  'X-CUSTOM-THING;X-P=1:keep me', 'URL:https://example.com/standup',
  'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Soon', 'TRIGGER:-PT10M', 'END:VALARM',
  'BEGIN:VALARM', 'ACTION:EMAIL', 'SUMMARY:Mail', 'DESCRIPTION:x', 'ATTENDEE:mailto:olga@example.com', 'TRIGGER;VALUE=DATE-TIME:20250105T120000Z', 'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT', 'UID:r1', 'DTSTAMP:20250101T000000Z', 'RECURRENCE-ID;TZID=America/New_York:20250203T090000',
  'DTSTART;TZID=America/New_York:20250203T110000', 'DTEND;TZID=America/New_York:20250203T120000', 'SUMMARY:Standup (long)',
  'DESCRIPTION:Daily\\, short\\nsync', 'LOCATION:Room\\; 4', 'STATUS:CONFIRMED', 'TRANSP:OPAQUE', 'CLASS:CONFIDENTIAL', 'PRIORITY:5',
  'CATEGORIES:work,team',
  'ORGANIZER;CN=Olga:mailto:olga@example.com',
  'ATTENDEE;CN=Olga;ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:olga@example.com',
  'ATTENDEE;CN="Doe, Jane";ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;RSVP=TRUE;CUTYPE=INDIVIDUAL:mailto:jane@example.com',
  'ATTENDEE;ROLE=NON-PARTICIPANT;CUTYPE=ROOM:mailto:room4@example.com',
  'X-CUSTOM-THING;X-P=1:keep me', 'URL:https://example.com/standup',
  'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Soon', 'TRIGGER:-PT10M', 'END:VALARM',
  'BEGIN:VALARM', 'ACTION:EMAIL', 'SUMMARY:Mail', 'DESCRIPTION:x', 'ATTENDEE:mailto:olga@example.com', 'TRIGGER;VALUE=DATE-TIME:20250105T120000Z', 'END:VALARM',
  'END:VEVENT',
);

describe('iCalendar → JSCalendar (RFC 8984 + calext mapping draft)', () => {
  const ev = icalToJSCalendar(RECURRING);

  it('maps the scalar properties', () => {
    expect(ev).toMatchObject({
      '@type': 'Event', uid: 'r1', title: 'Standup', description: 'Daily, short\nsync', start: '2025-01-06T09:00:00',
      timeZone: 'America/New_York', duration: 'PT30M', status: 'confirmed', freeBusyStatus: 'busy', privacy: 'secret',
      priority: 5, sequence: 2, keywords: { work: true, team: true },
    });
    expect(Object.values(ev.locations!)).toEqual([{ '@type': 'Location', name: 'Room; 4' }]);
  });

  it('maps recurrence rules, EXDATE, RDATE and RECURRENCE-ID children (UTC UNTIL → local time)', () => {
    expect(ev.recurrenceRules).toEqual([{
      '@type': 'RecurrenceRule', frequency: 'weekly', interval: 2, until: '2025-03-31T09:00:00', firstDayOfWeek: 'su',
      byDay: [{ '@type': 'NDay', day: 'mo' }, { '@type': 'NDay', day: 'fr', nthOfPeriod: -1 }],
    }]);
    expect(ev.recurrenceOverrides?.['2025-01-20T09:00:00']).toEqual({ excluded: true });
    expect(ev.recurrenceOverrides?.['2025-01-08T09:00:00']).toEqual({});
    const moved = ev.recurrenceOverrides?.['2025-02-03T09:00:00'];
    expect(moved).toMatchObject({ start: '2025-02-03T11:00:00', duration: 'PT1H', title: 'Standup (long)' });
    expect(Object.keys(moved!)).not.toContain('locations'); // unchanged vs the master: not in the patch
  });

  it('maps participants with roles, participation status, kind, expectReply; the organizer is owner + replyTo', () => {
    const parts = Object.values(ev.participants!);
    expect(ev.replyTo).toEqual({ imip: 'mailto:olga@example.com' });
    expect(parts).toHaveLength(3);
    expect(parts.find((p) => p.email === 'olga@example.com')).toMatchObject({ name: 'Olga', roles: { attendee: true, chair: true, owner: true }, participationStatus: 'accepted' });
    expect(parts.find((p) => p.email === 'jane@example.com')).toMatchObject({ name: 'Doe, Jane', roles: { attendee: true }, participationStatus: 'needs-action', expectReply: true, kind: 'individual' });
    expect(parts.find((p) => p.email === 'room4@example.com')).toMatchObject({ roles: { informational: true }, kind: 'location' });
    const jane = Object.entries(ev.participants!).find(([, p]) => p.email === 'jane@example.com')![0];
    expect(ev.recurrenceOverrides?.['2025-02-03T09:00:00']?.['participants']).toBeDefined();
    expect(jane).toMatch(/^p/); // stable, content-derived id
  });

  it('maps alerts with OffsetTrigger/AbsoluteTrigger objects (never bare strings)', () => {
    const alerts = Object.values(ev.alerts!);
    expect(alerts[0]).toMatchObject({ '@type': 'Alert', action: 'display', trigger: { '@type': 'OffsetTrigger', offset: '-PT10M' } });
    expect(alerts[1]).toMatchObject({ action: 'email', trigger: { '@type': 'AbsoluteTrigger', when: '2025-01-05T12:00:00Z' } });
  });

  it('keeps unknown iCalendar properties in iCalComponent', () => {
    expect(ev['iCalComponent']).toMatchObject({ name: 'vevent', properties: [['x-custom-thing', { 'x-p': '1' }, 'unknown', 'keep me'], ['url', {}, 'unknown', 'https://example.com/standup']] });
  });

  it('all-day and UTC and floating starts', () => {
    const day = icalToJSCalendar(cal('BEGIN:VEVENT', 'UID:d', 'DTSTART;VALUE=DATE:20250301', 'DTEND;VALUE=DATE:20250303', 'END:VEVENT'));
    expect(day).toMatchObject({ start: '2025-03-01T00:00:00', showWithoutTime: true, duration: 'P2D' });
    expect(day.timeZone).toBeUndefined();
    const utc = icalToJSCalendar(cal('BEGIN:VEVENT', 'UID:u', 'DTSTART:20250301T100000Z', 'DURATION:PT15M', 'END:VEVENT'));
    expect(utc).toMatchObject({ start: '2025-03-01T10:00:00', timeZone: 'Etc/UTC', duration: 'PT15M' });
    const floating = icalToJSCalendar(cal('BEGIN:VEVENT', 'UID:f', 'DTSTART:20250301T100000', 'END:VEVENT'));
    expect(floating.timeZone).toBeUndefined();
  });

  it('normalises zones: vendor TZIDs, DTEND in another zone, UTC EXDATE of a zoned event', () => {
    const ev = icalToJSCalendar(cal(
      'BEGIN:VEVENT', 'UID:z', 'DTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20250301T100000',
      'DTEND;TZID=Europe/London:20250301T100000', 'RRULE:FREQ=DAILY;COUNT=3', 'EXDATE:20250302T090000Z', 'END:VEVENT',
    ));
    expect(ev).toMatchObject({ timeZone: 'Europe/Berlin', duration: 'PT1H' });
    expect(ev.recurrenceOverrides).toEqual({ '2025-03-02T10:00:00': { excluded: true } });
  });

  it('rejects input without a VEVENT or malformed text with ValidationError', () => {
    expect(() => icalToJSCalendar(cal('BEGIN:VTODO', 'UID:t', 'END:VTODO'))).toThrow(ValidationError);
    expect(() => icalToJSCalendar('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n')).toThrow(ValidationError);
    expect(() => icalToJSCalendar('hello')).toThrow(ValidationError);
  });
});

describe('round trips', () => {
  it('iCalendar → JSCalendar → iCalendar → JSCalendar is stable (unknown properties included)', () => {
    const once = icalToJSCalendar(RECURRING);
    const text = jsCalendarToICal(once);
    const twice = icalToJSCalendar(text);
    expect(twice).toEqual(once);
    const vevent = parseICalendar(text).components.find((c) => c.name === 'VEVENT')!;
    expect(vevent.properties.find((p) => p.name === 'X-CUSTOM-THING')).toEqual({ name: 'X-CUSTOM-THING', params: { 'X-P': '1' }, value: 'keep me' });
    expect(vevent.properties.find((p) => p.name === 'URL')?.value).toBe('https://example.com/standup');
    expect(text).toContain('EXDATE;TZID=America/New_York:20250120T090000');
    expect(text).toContain('RECURRENCE-ID;TZID=America/New_York:20250203T090000');
  });

  it('JSCalendar → iCalendar → JSCalendar keeps properties iCalendar has no name for (JSPROP)', () => {
    const event: JSCalendarEvent = {
      '@type': 'Event', uid: 'j1', title: 'JS', start: '2025-05-05T08:00:00', timeZone: 'Europe/Paris', duration: 'PT1H',
      freeBusyStatus: 'free', privacy: 'private', status: 'tentative', showWithoutTime: false,
      locale: 'fr', 'example.com:meta': { a: [1, 2] },
      alerts: { al1: { '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset: '-PT5M', relativeTo: 'end' }, action: 'display' } },
      participants: { me: { '@type': 'Participant', name: 'Me', email: 'me@example.com', sendTo: { imip: 'mailto:me@example.com' }, roles: { owner: true, attendee: true }, participationStatus: 'accepted' } },
      replyTo: { imip: 'mailto:me@example.com' },
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily', count: 3 }],
      recurrenceOverrides: { '2025-05-06T08:00:00': { excluded: true }, '2025-05-07T08:00:00': { title: 'JS late', start: '2025-05-07T09:00:00' } },
    };
    const back = icalToJSCalendar(jsCalendarToICal(event));
    expect(back).toMatchObject({
      uid: 'j1', title: 'JS', start: '2025-05-05T08:00:00', timeZone: 'Europe/Paris', duration: 'PT1H', freeBusyStatus: 'free',
      privacy: 'private', status: 'tentative', locale: 'fr', 'example.com:meta': { a: [1, 2] },
      replyTo: { imip: 'mailto:me@example.com' },
      recurrenceRules: [{ frequency: 'daily', count: 3 }],
    });
    expect(back.alerts).toEqual({ al1: { '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset: '-PT5M', relativeTo: 'end' }, action: 'display' } });
    expect(back.participants?.['me']).toMatchObject({ name: 'Me', roles: { owner: true, attendee: true }, participationStatus: 'accepted' });
    expect(back.recurrenceOverrides?.['2025-05-06T08:00:00']).toEqual({ excluded: true });
    expect(back.recurrenceOverrides?.['2025-05-07T08:00:00']).toEqual({ title: 'JS late', start: '2025-05-07T09:00:00' });
  });
});

describe('JSPROP pointers', () => {
  it('keeps extra locations, location details and participants without an address across iCalendar', () => {
    const event: JSCalendarEvent = {
      uid: 'l', title: 'Locs', start: '2025-01-01T10:00:00', duration: 'PT1H',
      locations: { main: { '@type': 'Location', name: 'Hall', coordinates: 'geo:1,2' }, 'b/2': { '@type': 'Location', name: 'Annex' } },
      participants: { x: { '@type': 'Participant', name: 'Walk-in', roles: { attendee: true } } },
    };
    const back = icalToJSCalendar(jsCalendarToICal(event));
    expect(back.locations).toEqual(event.locations);
    expect(back.participants).toEqual(event.participants);
  });
});

describe('override patches with JSON-pointer paths', () => {
  it('a per-occurrence participation change (Cyrus-style nested patch) becomes a RECURRENCE-ID child', () => {
    const event: JSCalendarEvent = {
      uid: 'o', title: 'Weekly', start: '2025-01-06T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H',
      recurrenceRules: [{ frequency: 'weekly', count: 3 }],
      participants: { bob: { '@type': 'Participant', name: 'Bob', sendTo: { imip: 'mailto:bob@example.com' }, roles: { attendee: true }, participationStatus: 'accepted' } },
      recurrenceOverrides: { '2025-01-13T10:00:00': { 'participants/bob/participationStatus': 'declined' } },
    };
    const text = jsCalendarToICal(event);
    expect(text).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20250113T100000');
    const back = icalToJSCalendar(text);
    const patch = back.recurrenceOverrides?.['2025-01-13T10:00:00'] as { participants?: Record<string, { participationStatus?: string }> };
    expect(patch.participants?.['bob']?.participationStatus).toBe('declined');
    expect(back.participants?.['bob']?.participationStatus).toBe('accepted');
  });
});

describe('never a raw TypeError', () => {
  it('wrongly typed JSCalendar values become ValidationError', () => {
    expect(() => jsCalendarToICal({ title: 42 as unknown as string, start: '2025-01-01T00:00:00' })).toThrow(ValidationError);
    expect(() => jsCalendarToICal(null as unknown as JSCalendarEvent)).toThrow(ValidationError);
    expect(() => jsCalendarToICal({ start: 'yesterday' })).toThrow(ValidationError);
  });
});
