import { describe, expect, it } from 'vitest';
import type { CommonEvent } from '@cal/core';
import { toCommonEvent, type CalendarEvent } from '@cal/mobiscroll';

const timed: CalendarEvent = {
  provider: 'microsoft',
  id: 'AAMkAG1',
  calendarId: 'AAMkCal',
  title: 'Standup',
  description: 'Daily',
  location: 'Room 1',
  start: new Date('2026-03-02T09:00:00Z'),
  end: new Date('2026-03-02T09:15:00.500Z'),
  allDay: false,
  recurringEventId: 'AAMkSeries',
  status: 'tentative',
  attendees: [
    { email: 'ada@example.com', status: 'accepted', organizer: true },
    { email: 'bob@example.com', status: 'none' },
    { email: 'cy@example.com' },
  ],
  lastModified: new Date('2026-03-01T10:00:00Z'),
  original: { id: 'AAMkAG1', subject: 'Standup' },
};

describe('toCommonEvent (Mobiscroll Connect)', () => {
  it('maps a timed event to instants, provider-qualified ids, keeping the Connect event (and its provider) in raw', () => {
    const e: CommonEvent<CalendarEvent> = toCommonEvent(timed);
    expect(e).toEqual({
      provider: 'mobiscroll',
      id: 'microsoft:AAMkAG1',
      calendarId: 'microsoft:AAMkCal',
      title: 'Standup',
      description: 'Daily',
      location: 'Room 1',
      start: { dateTime: '2026-03-02T09:00:00.000Z' },
      end: { dateTime: '2026-03-02T09:15:00.500Z' },
      allDay: false,
      status: 'tentative',
      recurring: true,
      organizer: { email: 'ada@example.com', status: 'accepted' },
      attendees: [
        { email: 'ada@example.com', status: 'accepted' },
        { email: 'bob@example.com', status: 'needs-action' },
        { email: 'cy@example.com', status: undefined },
      ],
      updated: '2026-03-01T10:00:00.000Z',
      raw: timed,
    });
    expect(e.raw).toBe(timed);
    expect(e.raw.provider).toBe('microsoft');
    expect(e.etag).toBeUndefined();
    expect(e.uid).toBeUndefined();
  });

  it('keeps ids with colons recoverable by splitting at the first colon', () => {
    const e = toCommonEvent({ ...timed, provider: 'caldav', id: 'https://dav.example/cal/a.ics', calendarId: 'https://dav.example/cal/' });
    expect(e.id).toBe('caldav:https://dav.example/cal/a.ics');
    const at = e.id.indexOf(':');
    expect([e.id.slice(0, at), e.id.slice(at + 1)]).toEqual(['caldav', 'https://dav.example/cal/a.ics']);
    expect(e.calendarId).toBe('caldav:https://dav.example/cal/');
  });

  it('keeps all-day dates as given and turns UTC-midnight bounds into dates', () => {
    const dates = toCommonEvent({ ...timed, allDay: true, start: '2026-03-02', end: '2026-03-03' });
    expect(dates).toMatchObject({ allDay: true, start: { dateTime: '2026-03-02' }, end: { dateTime: '2026-03-03' } });
    const midnights = toCommonEvent({ ...timed, allDay: true, start: new Date('2026-03-02T00:00:00Z'), end: new Date('2026-03-03T00:00:00Z') });
    expect(midnights).toMatchObject({ allDay: true, start: { dateTime: '2026-03-02' }, end: { dateTime: '2026-03-03' } });
  });

  it('never guesses a date for an all-day event whose bounds are not UTC midnight: keeps the instants', () => {
    // e.g. midnight in Berlin sent with an offset: its date depends on a zone Connect does not give.
    const e = toCommonEvent({ ...timed, allDay: true, start: new Date('2026-03-02T00:00:00+01:00'), end: new Date('2026-03-03T00:00:00+01:00') });
    expect(e).toMatchObject({ allDay: false, start: { dateTime: '2026-03-01T23:00:00.000Z' }, end: { dateTime: '2026-03-02T23:00:00.000Z' } });
    expect(e.raw.allDay).toBe(true);
  });

  it('leaves out what Connect did not send', () => {
    const bare: CalendarEvent = { provider: 'google', id: 'g1', calendarId: '', title: '', start: new Date('2026-03-02T09:00:00Z'), end: '', allDay: false, attendees: [] };
    const e = toCommonEvent(bare);
    expect(e).toEqual({
      provider: 'mobiscroll', id: 'google:g1', calendarId: undefined, title: '', description: undefined, location: undefined,
      start: { dateTime: '2026-03-02T09:00:00.000Z' }, end: undefined, allDay: false, status: undefined, recurring: undefined,
      organizer: undefined, attendees: undefined, updated: undefined, raw: bare,
    });
  });

  it('passes a value the model kept verbatim through unchanged', () => {
    expect(toCommonEvent({ ...timed, start: 'not a date' }).start).toEqual({ dateTime: 'not a date' });
  });
});
