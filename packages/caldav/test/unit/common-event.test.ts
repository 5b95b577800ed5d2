import { describe, expect, it } from 'vitest';
import { CalendarObject, toCommonEvent } from '@cal/caldav';

const data = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//t//EN', 'BEGIN:VEVENT', 'UID:w-1', 'DTSTAMP:20260301T100000Z',
  'DTSTART:20260302T090000Z', 'DTEND:20260302T093000Z', 'RRULE:FREQ=DAILY', 'SUMMARY:Standup', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
// The transport is not used by the conversion.
const object = (occurrence?: ConstructorParameters<typeof CalendarObject>[4]) =>
  new CalendarObject(undefined as never, 'https://dav.example.com/cal/w-1.ics', '"e1"', data, occurrence);

describe('toCommonEvent (CalDAV)', () => {
  it('uses the object URL, the collection URL and the ETag', () => {
    const o = object();
    expect(toCommonEvent(o)).toMatchObject({
      provider: 'caldav', id: 'https://dav.example.com/cal/w-1.ics', calendarId: 'https://dav.example.com/cal/', etag: '"e1"',
      uid: 'w-1', title: 'Standup', start: { dateTime: '2026-03-02T09:00:00Z' }, end: { dateTime: '2026-03-02T09:30:00Z' }, recurring: true,
    });
    expect(toCommonEvent(o).raw).toBe(o);
  });

  it('an expanded occurrence gets its own start and end', () => {
    const e = toCommonEvent(object({ recurrenceId: '20260304T090000Z', start: new Date('2026-03-04T09:00:00Z'), end: new Date('2026-03-04T09:30:00Z'), allDay: false }));
    expect(e).toMatchObject({ start: { dateTime: '2026-03-04T09:00:00.000Z' }, end: { dateTime: '2026-03-04T09:30:00.000Z' }, allDay: false, recurring: true });
  });
});
