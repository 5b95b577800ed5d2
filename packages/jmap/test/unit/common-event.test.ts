import { describe, expect, it } from 'vitest';
import type { CommonEvent } from '@cal/core';
import { JMAPCalendarObject, toCommonEvent, type JSCalendarEvent } from '@cal/jmap';

// A JSCalendar event as Cyrus 3.10 returns it from CalendarEvent/get (unset properties are null).
const standup = {
  '@type': 'Event',
  id: 'E-standup-1',
  calendarIds: { Default: true },
  uid: 'standup-1@example.com',
  title: 'Standup',
  description: 'Daily sync',
  start: '2026-03-02T09:00:00',
  timeZone: 'Europe/Berlin',
  duration: 'PT15M',
  showWithoutTime: false,
  status: 'tentative',
  locations: { l1: { '@type': 'Location', name: 'Room 4' }, l2: { '@type': 'Location', name: 'Room 5' } },
  participants: {
    p1: {
      '@type': 'Participant', name: 'Olga', email: 'olga@example.com', sendTo: { imip: 'mailto:other@example.com' },
      roles: { owner: true, attendee: true }, participationStatus: 'accepted',
    },
    p2: { '@type': 'Participant', name: 'Jane', sendTo: { imip: 'mailto:jane%2Bcal@example.com' }, roles: { attendee: true }, participationStatus: 'declined' },
    p3: { '@type': 'Participant', sendTo: { imip: 'MAILTO:bob@example.com' }, roles: { attendee: true }, participationStatus: 'tentative' },
    p4: { '@type': 'Participant', email: 'cy@example.com', roles: { attendee: true } },
    p5: { '@type': 'Participant', email: 'dee@example.com', roles: { attendee: true }, participationStatus: 'delegated' },
    p6: { '@type': 'Participant', email: 'room@example.com', kind: 'location', roles: { informational: true } },
  },
  recurrenceRules: null,
  recurrenceOverrides: null,
  updated: '2026-03-01T10:00:00Z',
  sequence: 3,
} as unknown as JSCalendarEvent;

// Patches may set null/undefined, as servers do, hence the loose type.
const at = (patch: Record<string, unknown>) => toCommonEvent({ ...standup, ...patch } as JSCalendarEvent);

describe('toCommonEvent (JMAP)', () => {
  it('maps ids, texts, first location, status, participants and updated; keeps the object in raw', () => {
    const e: CommonEvent<JSCalendarEvent> = toCommonEvent(standup);
    expect(e).toEqual({
      provider: 'jmap',
      id: 'E-standup-1',
      calendarId: 'Default',
      uid: 'standup-1@example.com',
      title: 'Standup',
      description: 'Daily sync',
      location: 'Room 4',
      start: { dateTime: '2026-03-02T09:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-03-02T09:15:00', timeZone: 'Europe/Berlin' },
      allDay: false,
      status: 'tentative',
      recurring: false,
      organizer: { email: 'olga@example.com', name: 'Olga', status: 'accepted' },
      attendees: [
        { email: 'olga@example.com', name: 'Olga', status: 'accepted' },
        { email: 'jane+cal@example.com', name: 'Jane', status: 'declined' },
        { email: 'bob@example.com', name: undefined, status: 'tentative' },
        // RFC 8984 §4.4.6: participationStatus defaults to needs-action.
        { email: 'cy@example.com', name: undefined, status: 'needs-action' },
        { email: 'dee@example.com', name: undefined, status: 'delegated' },
      ],
      etag: undefined,
      updated: '2026-03-01T10:00:00Z',
      raw: standup,
    });
    expect(e.raw).toBe(standup);
  });

  it('takes the id from a JMAPCalendarObject and keeps that object in raw', () => {
    const obj = new JMAPCalendarObject(standup);
    const e: CommonEvent<JMAPCalendarObject> = toCommonEvent(obj);
    expect(e.raw).toBe(obj);
    expect(e).toMatchObject({ id: 'E-standup-1', uid: 'standup-1@example.com', title: 'Standup', calendarId: 'Default' });
    // The server id comes from the object (JMAPCalendarObject stringifies it), not from a copy of data.
    expect(toCommonEvent(new JMAPCalendarObject({ ...standup, id: undefined } as unknown as JSCalendarEvent)).id).toBe('');
  });

  it('gives a calendarId only when calendarIds names exactly one calendar', () => {
    expect(at({ calendarIds: { a: true, b: true } }).calendarId).toBeUndefined();
    expect(at({ calendarIds: {} }).calendarId).toBeUndefined();
    expect(at({ calendarIds: undefined }).calendarId).toBeUndefined();
  });

  it('leaves out what the event does not have (null or absent)', () => {
    const bare = toCommonEvent({ id: 'E-x', start: '2026-03-02T09:00:00', timeZone: 'Etc/UTC', description: '', locations: null, participants: null, title: null } as unknown as JSCalendarEvent);
    expect(bare).toMatchObject({ id: 'E-x', title: '', allDay: false, recurring: false, attendees: [] });
    expect(bare.description).toBeUndefined();
    expect(bare.location).toBeUndefined();
    expect(bare.organizer).toBeUndefined();
    expect(bare.uid).toBeUndefined();
    expect(bare.updated).toBeUndefined();
    expect(bare.etag).toBeUndefined();
    // RFC 8984 §5.1.2: duration defaults to PT0S.
    expect(bare.end).toEqual({ dateTime: '2026-03-02T09:00:00Z' });
    // A location without a name (an end time zone, say) does not hide the named one after it.
    expect(at({ locations: { tz: { '@type': 'Location', timeZone: 'Asia/Tokyo', relativeTo: 'end' }, r: { name: 'Hall' } } }).location).toBe('Hall');
  });

  it('finds the organizer by the owner role, its address in sendTo.imip when email is absent', () => {
    const e = at({ participants: { o: { name: 'Ann', sendTo: { imip: 'mailto:ann@example.com', other: 'https://x' }, roles: { owner: true } } } });
    expect(e.organizer).toEqual({ email: 'ann@example.com', name: 'Ann', status: 'needs-action' });
    expect(e.attendees).toEqual([]);
    expect(at({ participants: { o: { sendTo: { web: 'https://example.com/ann' }, roles: { owner: true } } } }).organizer?.email).toBeUndefined();
  });

  it('maps status, defaulting to confirmed (RFC 8984 §5.1.3)', () => {
    expect(at({ status: 'confirmed' }).status).toBe('confirmed');
    expect(at({ status: 'cancelled' }).status).toBe('cancelled');
    expect(at({ status: undefined }).status).toBe('confirmed');
    expect(at({ status: 'x-vendor' }).status).toBeUndefined();
    expect(at({ status: 'constructor' }).status).toBeUndefined();
    expect(at({ participants: { p: { email: 'a@example.com', roles: { attendee: true }, participationStatus: 'toString' } } }).attendees).toEqual([
      { email: 'a@example.com', name: undefined, status: undefined },
    ]);
  });

  it('marks series masters and overrides as recurring', () => {
    expect(at({ recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly' }] }).recurring).toBe(true);
    expect(at({ recurrenceOverrides: { '2026-03-09T09:00:00': { excluded: true } } }).recurring).toBe(true);
    expect(at({ recurrenceId: '2026-03-09T09:00:00' }).recurring).toBe(true);
    expect(at({ recurrenceRules: [], recurrenceOverrides: {} }).recurring).toBe(false);
  });
});

describe('toCommonEvent (JMAP) times', () => {
  it('keeps a zoned start as wall-clock time plus IANA zone', () => {
    expect(at({ timeZone: 'America/New_York', duration: 'PT1H30M' })).toMatchObject({
      start: { dateTime: '2026-03-02T09:00:00', timeZone: 'America/New_York' },
      end: { dateTime: '2026-03-02T10:30:00', timeZone: 'America/New_York' },
    });
  });

  it('gives instants for UTC, with the end computed across midnight', () => {
    for (const timeZone of ['UTC', 'Etc/UTC']) {
      const e = at({ start: '2026-02-28T23:30:00', timeZone, duration: 'P1DT1H' });
      expect(e.start).toEqual({ dateTime: '2026-02-28T23:30:00Z' });
      expect(e.end).toEqual({ dateTime: '2026-03-02T00:30:00Z' });
    }
    expect(at({ start: '2026-03-02T09:00:00.25', timeZone: 'UTC', duration: 'PT0.5S' }).end).toEqual({ dateTime: '2026-03-02T09:00:00.750Z' });
  });

  it('keeps a floating time floating, end included', () => {
    for (const timeZone of [null, undefined]) {
      const e = at({ timeZone, duration: 'P1W' });
      expect(e.start).toEqual({ dateTime: '2026-03-02T09:00:00' });
      expect(e.end).toEqual({ dateTime: '2026-03-09T09:00:00' });
    }
  });

  it('gives dates for showWithoutTime events, the end exclusive', () => {
    const e = at({ start: '2026-03-02T00:00:00', showWithoutTime: true, duration: 'P1D' });
    expect(e).toMatchObject({ allDay: true, start: { dateTime: '2026-03-02' }, end: { dateTime: '2026-03-03' } });
    expect(e.start.timeZone).toBeUndefined();
    expect(at({ start: '2026-02-27T00:00:00', showWithoutTime: true, duration: 'P1W2D', timeZone: null }).end).toEqual({ dateTime: '2026-03-08' });
    // A time part has no answer in whole dates: left out rather than rounded.
    expect(at({ start: '2026-03-02T00:00:00', showWithoutTime: true, duration: 'PT12H' }).end).toBeUndefined();
  });

  describe('across the Europe/Berlin DST change (2026-03-29 02:00 CET → 03:00 CEST)', () => {
    const berlin = (start: string, duration: string) => at({ start, timeZone: 'Europe/Berlin', duration }).end;

    it('adds hours as exact time: 01:30 + PT2H ends 04:30 CEST', () => {
      expect(berlin('2026-03-29T01:30:00', 'PT2H')).toEqual({ dateTime: '2026-03-29T04:30:00', timeZone: 'Europe/Berlin' });
      expect(berlin('2026-03-28T09:00:00', 'PT24H')).toEqual({ dateTime: '2026-03-29T10:00:00', timeZone: 'Europe/Berlin' });
    });

    it('adds days as nominal days: 09:00 + P1D ends 09:00 the next day (23 hours later)', () => {
      expect(berlin('2026-03-28T09:00:00', 'P1D')).toEqual({ dateTime: '2026-03-29T09:00:00', timeZone: 'Europe/Berlin' });
      expect(berlin('2026-03-28T22:00:00', 'P1DT3H')).toEqual({ dateTime: '2026-03-30T01:00:00', timeZone: 'Europe/Berlin' });
    });

    it('reads a skipped wall time with the offset before the gap (RFC 5545 §3.3.5)', () => {
      expect(berlin('2026-03-28T02:30:00', 'P1D')).toEqual({ dateTime: '2026-03-29T03:30:00', timeZone: 'Europe/Berlin' });
    });

    it('reads a repeated wall time as its first occurrence when clocks go back (2026-10-25)', () => {
      // 02:30 CEST (00:30Z) + 1h = 01:30Z = 02:30 CET.
      expect(berlin('2026-10-25T02:30:00', 'PT1H')).toEqual({ dateTime: '2026-10-25T02:30:00', timeZone: 'Europe/Berlin' });
      // 01:30 CEST (23:30Z) + 2h = 01:30Z = 02:30 CET.
      expect(berlin('2026-10-25T01:30:00', 'PT2H')).toEqual({ dateTime: '2026-10-25T02:30:00', timeZone: 'Europe/Berlin' });
    });

  });

  it('uses the zone rules of other zones too: southern hemisphere, half-hour offset', () => {
      // Sydney leaves DST on 2026-04-05 03:00 AEDT → 02:00 AEST.
      expect(at({ start: '2026-04-05T01:00:00', timeZone: 'Australia/Sydney', duration: 'PT3H' }).end?.dateTime).toBe('2026-04-05T03:00:00');
      expect(at({ start: '2026-03-02T23:00:00', timeZone: 'Asia/Kolkata', duration: 'PT90M' }).end?.dateTime).toBe('2026-03-03T00:30:00');
  });

  it('leaves the end out rather than guessing: unknown zone, invalid duration or start', () => {
    const unknown = at({ timeZone: 'Mars/Olympus_Mons' });
    expect(unknown.start).toEqual({ dateTime: '2026-03-02T09:00:00', timeZone: 'Mars/Olympus_Mons' });
    expect(unknown.end).toBeUndefined();
    // RFC 8984 §4.7.2 custom zone ids (defined in the event's `timeZones`) are not IANA: kept, no end.
    expect(at({ timeZone: '/example.com/Berlin-old', timeZones: { '/example.com/Berlin-old': {} } })).toMatchObject({
      start: { dateTime: '2026-03-02T09:00:00', timeZone: '/example.com/Berlin-old' }, end: undefined,
    });
    for (const duration of ['P', 'PT', '1H', '-PT1H', 'P1M', 'PT1H2D']) expect(at({ duration }).end).toBeUndefined();
    expect(at({ start: '2026-03-02 09:00', timeZone: 'UTC' }).end).toBeUndefined();
    expect(at({ start: undefined })).toMatchObject({ start: { dateTime: '' }, end: undefined });
  });
});
