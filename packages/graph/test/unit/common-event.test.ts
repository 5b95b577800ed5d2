import { describe, expect, it } from 'vitest';
import type { CommonEvent } from '@cal/core';
import { toCommonEvent, toIanaZone, type GraphEvent } from '@cal/graph';

const timed: GraphEvent = {
  id: 'AAMk1',
  iCalUId: '040000008200E00074C5B7101A82E008',
  subject: 'Standup',
  bodyPreview: 'Daily',
  location: { displayName: 'Room 1' },
  start: { dateTime: '2026-03-02T09:00:00.0000000', timeZone: 'UTC' },
  end: { dateTime: '2026-03-02T09:15:00.5000000', timeZone: 'UTC' },
  isAllDay: false,
  showAs: 'busy',
  type: 'occurrence',
  organizer: { emailAddress: { name: 'Ada', address: 'ada@example.com' } },
  attendees: [
    { type: 'required', emailAddress: { address: 'bob@example.com' }, status: { response: 'tentativelyAccepted' } },
    { type: 'optional', emailAddress: { address: 'cy@example.com' }, status: { response: 'notResponded' } },
  ],
  '@odata.etag': 'W/"DwAAABYAAA"',
  lastModifiedDateTime: '2026-03-01T10:00:00Z',
} as GraphEvent;

describe('toCommonEvent (Graph)', () => {
  it('maps a timed UTC event, keeping the Graph object in raw', () => {
    const e: CommonEvent<GraphEvent> = toCommonEvent(timed);
    expect(e).toMatchObject({
      provider: 'graph',
      id: 'AAMk1',
      uid: '040000008200E00074C5B7101A82E008',
      title: 'Standup',
      description: 'Daily',
      location: 'Room 1',
      start: { dateTime: '2026-03-02T09:00:00Z' },
      end: { dateTime: '2026-03-02T09:15:00.500Z' },
      allDay: false,
      status: 'confirmed',
      recurring: true,
      organizer: { email: 'ada@example.com', name: 'Ada' },
      attendees: [
        { email: 'bob@example.com', status: 'tentative' },
        { email: 'cy@example.com', status: 'needs-action' },
      ],
      etag: 'W/"DwAAABYAAA"',
      updated: '2026-03-01T10:00:00Z',
    });
    expect(e.raw).toBe(timed);
  });

  it('keeps wall-clock time with an IANA zone for a Windows zone, dates for all-day events, and cancellations', () => {
    const zoned = toCommonEvent({ ...timed, start: { dateTime: '2026-03-02T09:00:00.0000000', timeZone: 'W. Europe Standard Time' } });
    expect(zoned.start).toEqual({ dateTime: '2026-03-02T09:00:00', timeZone: 'Europe/Berlin' });
    const allDay = toCommonEvent({ ...timed, isAllDay: true, start: { dateTime: '2026-03-02T00:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2026-03-03T00:00:00.0000000', timeZone: 'UTC' } });
    expect(allDay).toMatchObject({ allDay: true, start: { dateTime: '2026-03-02' }, end: { dateTime: '2026-03-03' } });
    expect(toCommonEvent({ ...timed, isCancelled: true }).status).toBe('cancelled');
    expect(toCommonEvent({ ...timed, type: 'singleInstance' }).recurring).toBe(false);
  });

  it('maps zone names without guessing', () => {
    expect(toIanaZone('Eastern Standard Time')).toBe('America/New_York');
    expect(toIanaZone('Europe/Oslo')).toBe('Europe/Oslo');
    expect(toIanaZone('Mars Standard Time')).toBeUndefined();
  });
});
