import { describe, expect, it } from 'vitest';
import { icalToCommonEvent, parseICalendar } from '@cal/ical';

const ics = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//t//EN', 'BEGIN:VEVENT', ...lines, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

describe('icalToCommonEvent', () => {
  it('maps the main VEVENT, keeping zoned times as wall-clock time plus IANA zone', () => {
    const cal = parseICalendar(
      ics(
        'UID:abc-1',
        'DTSTAMP:20260301T100000Z',
        'SUMMARY:Plan\\, review',
        'DESCRIPTION:Line 1\\nLine 2',
        'LOCATION:Room 1',
        'DTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20260302T090000',
        'DTEND;TZID=/mozilla.org/20050126_1/Europe/Berlin:20260302T100000',
        'RRULE:FREQ=WEEKLY',
        'STATUS:TENTATIVE',
        'ORGANIZER;CN=Ada:mailto:ada@example.com',
        'ATTENDEE;CN=Bob;PARTSTAT=ACCEPTED:mailto:bob@example.com',
        'ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:cy@example.com',
      ),
    );
    const e = icalToCommonEvent(cal, { provider: 'caldav', id: 'https://dav/cal/a.ics', calendarId: 'https://dav/cal/', etag: '"1"', raw: 'x' });
    expect(e).toEqual({
      provider: 'caldav',
      id: 'https://dav/cal/a.ics',
      calendarId: 'https://dav/cal/',
      uid: 'abc-1',
      title: 'Plan, review',
      description: 'Line 1\nLine 2',
      location: 'Room 1',
      start: { dateTime: '2026-03-02T09:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-03-02T10:00:00', timeZone: 'Europe/Berlin' },
      allDay: false,
      status: 'tentative',
      recurring: true,
      organizer: { email: 'ada@example.com', name: 'Ada', status: undefined },
      attendees: [
        { email: 'bob@example.com', name: 'Bob', status: 'accepted' },
        { email: 'cy@example.com', name: undefined, status: 'needs-action' },
      ],
      etag: '"1"',
      updated: '2026-03-01T10:00:00Z',
      raw: 'x',
    });
  });

  it('UTC instants, all-day dates, and an end from DURATION only where no zone must be guessed', () => {
    const utc = icalToCommonEvent(parseICalendar(ics('UID:u', 'DTSTART:20260302T233000Z', 'DURATION:PT1H')), { provider: 'p', id: '1', raw: null });
    expect(utc).toMatchObject({ start: { dateTime: '2026-03-02T23:30:00Z' }, end: { dateTime: '2026-03-03T00:30:00Z' }, allDay: false, recurring: false });
    const day = icalToCommonEvent(parseICalendar(ics('UID:d', 'DTSTART;VALUE=DATE:20260228', 'DURATION:P2D')), { provider: 'p', id: '2', raw: null });
    expect(day).toMatchObject({ start: { dateTime: '2026-02-28' }, end: { dateTime: '2026-03-02' }, allDay: true });
    const floating = icalToCommonEvent(parseICalendar(ics('UID:f', 'DTSTART;TZID=Europe/Oslo:20260302T090000', 'DURATION:PT1H')), { provider: 'p', id: '3', raw: null });
    expect(floating.start).toEqual({ dateTime: '2026-03-02T09:00:00', timeZone: 'Europe/Oslo' });
    expect(floating.end).toBeUndefined();
  });
});
