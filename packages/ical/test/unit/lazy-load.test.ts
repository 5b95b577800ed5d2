import { afterEach, expect, it, vi } from 'vitest';

// Series expansion loads series.ts and ical.js through import() (src/load-ical-js.ts). A chunk that
// fails to load must be a typed NetworkError, not the loader's raw TypeError, and is retried later.
afterEach(() => {
  vi.doUnmock('../../src/series.js');
  vi.resetModules();
});

const WEEKLY = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:w', 'DTSTAMP:20250101T000000Z', 'DTSTART:20250106T090000Z', 'DTEND:20250106T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=3', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

it('a failing series chunk is a NetworkError, and the next expansion loads it again', async () => {
  vi.resetModules();
  let fail = true;
  vi.doMock('../../src/series.js', async (original) => {
    if (fail) throw new TypeError('Failed to fetch dynamically imported module');
    return original();
  });
  const { expandRecurrences, parseICalendar } = await import('@cal/ical');
  const { NetworkError } = await import('@cal/core');
  const range = { start: new Date('2025-01-01T00:00:00Z'), end: new Date('2025-02-01T00:00:00Z') };
  await expect(expandRecurrences(parseICalendar(WEEKLY), range)).rejects.toBeInstanceOf(NetworkError);
  fail = false;
  expect(await expandRecurrences(parseICalendar(WEEKLY), range)).toHaveLength(3);
});
