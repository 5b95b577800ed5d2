import { describe, expect, it } from 'vitest';
import { toDate, toTime } from '../../src/models.js';

// toTime/toDate take a fast path for `YYYY-MM-DDTHH:MM:SS[.sss]Z` (src/models.ts); it must give
// exactly what `new Date(value)` gives, and leave everything else to it.
const cases = [
  '2030-01-01T00:00:00Z', '2030-01-01T00:00:00.000Z', '2026-03-02T09:15:00.500Z', '1999-12-31T23:59:59.999Z',
  '2024-02-28T12:00:00Z', '2000-03-01T00:00:00Z', '2100-03-01T00:00:00Z', '1970-01-01T00:00:00.000Z', '1000-01-01T00:00:00Z', '9999-12-28T23:59:59.999Z', '2024-02-29T12:00:00Z', '2030-02-29T12:00:00Z', '2030-02-31T00:00:00.000Z', '2030-04-31T10:00:00Z',
  '2030-01-31T10:00:00Z', '2030-01-01T24:00:00Z', '2030-13-01T00:00:00Z', '2030-00-10T00:00:00Z', '2030-01-00T00:00:00Z',
  '2030-01-01T23:60:00Z', '2030-01-01T23:59:60Z', '0099-01-01T00:00:00Z', '0999-06-01T00:00:00.000Z', '2030-01-01T00:00:00.1Z',
  '2030-01-01T09:00:00+01:00', '2030-01-01T09:00:00.000-08:00', '2030-01-01T09:00:00', '2030-01-01', '2030-0a-01T00:00:00Z',
  '2030-01-01X00:00:00Z', '2030-01-01T00:00:00.00aZ', '2030-01-01T00:00:00z', 'garbage', '',
];

describe('wire times', () => {
  it.each(cases)('%s: same as new Date, dates and unparsable values kept verbatim', (s) => {
    const d = new Date(s);
    const t = toTime(s);
    if (/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime())) expect(t).toBe(s);
    else expect((t as Date).getTime()).toBe(d.getTime());
    expect(toDate(s)?.getTime()).toBe(s && !Number.isNaN(d.getTime()) ? d.getTime() : undefined);
  });

  it('agrees with new Date over instants from year 1000 to 9999, with and without milliseconds', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const lo = Date.UTC(1000, 0, 1);
    const hi = Date.UTC(9999, 11, 31);
    for (let i = 0; i < 5000; i++) {
      const iso = new Date(Math.floor(lo + rand() * (hi - lo))).toISOString();
      for (const s of [iso, `${iso.slice(0, 19)}Z`]) {
        expect((toTime(s) as Date).getTime()).toBe(new Date(s).getTime());
        expect(toDate(s)!.getTime()).toBe(new Date(s).getTime());
      }
    }
  });

  it('an absent value is an empty string / undefined', () => {
    expect(toTime(undefined)).toBe('');
    expect(toDate(undefined)).toBeUndefined();
  });
});
