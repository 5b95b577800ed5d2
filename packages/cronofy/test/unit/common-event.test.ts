import { describe, expect, it } from 'vitest';
import type { CommonEvent } from '@cal/core';
import { toCommonEvent, type CronofyEvent } from '@cal/cronofy';

const timed: CronofyEvent = {
  calendar_id: 'cal_1',
  event_uid: 'evt_external_1',
  summary: 'Standup',
  description: 'Daily',
  start: '2026-03-02T09:00:00Z',
  end: '2026-03-02T09:15:00Z',
  created: '2026-02-01T10:00:00Z',
  updated: '2026-03-01T10:00:00Z',
  deleted: false,
  recurring: true,
  location: { description: 'Room 1', lat: '51.5', long: '-0.1' },
  participation_status: 'accepted',
  organizer: { email: 'ada@example.com', display_name: 'Ada' },
  attendees: [
    { email: 'ada@example.com', display_name: 'Ada', status: 'accepted' },
    { email: 'bob@example.com', status: 'tentative' },
    { email: 'cy@example.com', status: 'declined' },
    { email: 'dee@example.com', status: 'needs_action' },
    { email: 'eve@example.com', status: 'unknown' },
  ],
  transparency: 'opaque',
  status: 'confirmed',
};

describe('toCommonEvent (Cronofy)', () => {
  it('maps identity, text, people and version fields, keeping the Cronofy object in raw', () => {
    const e: CommonEvent<CronofyEvent> = toCommonEvent(timed);
    expect(e).toEqual({
      provider: 'cronofy',
      id: 'evt_external_1',
      calendarId: 'cal_1',
      title: 'Standup',
      description: 'Daily',
      location: 'Room 1',
      start: { dateTime: '2026-03-02T09:00:00Z' },
      end: { dateTime: '2026-03-02T09:15:00Z' },
      allDay: false,
      status: 'confirmed',
      recurring: true,
      organizer: { email: 'ada@example.com', name: 'Ada' },
      attendees: [
        { email: 'ada@example.com', name: 'Ada', status: 'accepted' },
        { email: 'bob@example.com', name: undefined, status: 'tentative' },
        { email: 'cy@example.com', name: undefined, status: 'declined' },
        { email: 'dee@example.com', name: undefined, status: 'needs-action' },
        // `unknown` (and any value Cronofy adds later) is not guessed
        { email: 'eve@example.com', name: undefined, status: undefined },
      ],
      updated: '2026-03-01T10:00:00Z',
      raw: timed,
    });
    expect(e.raw).toBe(timed);
  });

  it('does not invent a uid or an etag (Cronofy documents neither)', () => {
    const e = toCommonEvent(timed);
    expect(e.uid).toBeUndefined();
    expect(e.etag).toBeUndefined();
  });

  it('uses the managed event_id when there is no event_uid, and tolerates missing optional fields', () => {
    const e = toCommonEvent({ calendar_id: 'cal_1', event_id: 'app-42', start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z' });
    expect(e).toMatchObject({ id: 'app-42', title: '', allDay: false });
    for (const k of ['description', 'location', 'status', 'recurring', 'organizer', 'attendees', 'updated'] as const) expect(e[k]).toBeUndefined();
  });

  it('makes a YYYY-MM-DD start an all-day event with dates (end exclusive, as sent)', () => {
    const e = toCommonEvent({ ...timed, start: '2026-03-02', end: '2026-03-04' });
    expect(e).toMatchObject({ allDay: true, start: { dateTime: '2026-03-02' }, end: { dateTime: '2026-03-04' } });
  });

  it('keeps a localized {time, tzid} as the instant it is, without labelling it wall-clock time', () => {
    const e = toCommonEvent({ ...timed, start: { time: '2026-03-02T09:00:00Z', tzid: 'Europe/Paris' }, end: { time: '2026-03-02T11:15:00+02:00', tzid: 'Europe/Paris' } });
    expect(e.start).toEqual({ dateTime: '2026-03-02T09:00:00Z' });
    expect(e.end).toEqual({ dateTime: '2026-03-02T11:15:00+02:00' });
    expect(e.allDay).toBe(false);
    const allDay = toCommonEvent({ ...timed, start: { time: '2026-03-02', tzid: 'Europe/Paris' }, end: { time: '2026-03-03', tzid: 'Europe/Paris' } });
    expect(allDay).toMatchObject({ allDay: true, start: { dateTime: '2026-03-02' }, end: { dateTime: '2026-03-03' } });
  });

  it('maps status: known values, legacy event_status, deleted → cancelled, unknown values left out', () => {
    expect(toCommonEvent({ ...timed, status: 'tentative' }).status).toBe('tentative');
    expect(toCommonEvent({ ...timed, status: 'cancelled' }).status).toBe('cancelled');
    expect(toCommonEvent({ ...timed, status: 'on_hold' }).status).toBeUndefined();
    const { status: _, ...legacy } = timed;
    expect(toCommonEvent({ ...legacy, event_status: 'tentative' }).status).toBe('tentative');
    expect(toCommonEvent({ ...timed, deleted: true }).status).toBe('cancelled');
  });

  it('passes recurring through as sent', () => {
    expect(toCommonEvent({ ...timed, recurring: false }).recurring).toBe(false);
  });
});
