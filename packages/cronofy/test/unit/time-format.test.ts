import { describe, expect, it } from 'vitest';
import { ValidationError } from '@cal/core';
import { formatEventTime } from '../../src/event-time.js';
import { formatDateOrTime, formatTime, isDateOnly, utcSeconds } from '../../src/time-format.js';

describe('time formatting (reference §5: UTC, seconds, no milliseconds)', () => {
  it('drops milliseconds from Dates', () => {
    expect(utcSeconds(new Date('2026-01-01T10:00:00.999Z'))).toBe('2026-01-01T10:00:00Z');
    expect(formatTime(new Date(Date.UTC(2026, 0, 1, 10)), 'f')).toBe('2026-01-01T10:00:00Z');
  });
  it('converts offsets to UTC and accepts minutes-only and fractional strings', () => {
    expect(formatTime('2026-01-01T10:00:00+02:00', 'f')).toBe('2026-01-01T08:00:00Z');
    expect(formatTime('2026-01-01T10:00-05:00', 'f')).toBe('2026-01-01T15:00:00Z');
    expect(formatTime('2026-01-01T10:00:00.123456Z', 'f')).toBe('2026-01-01T10:00:00Z');
  });
  it('keeps date-only values (all-day, day boundaries in tzid)', () => {
    expect(formatDateOrTime('2026-01-01', 'f')).toBe('2026-01-01');
    expect(formatEventTime('2026-09-06', 'start')).toBe('2026-09-06');
    expect(isDateOnly('2026-02-30')).toBe(false);
  });
  it('formats {time, tzid} without touching the input', () => {
    const input = { time: new Date('2026-01-01T10:00:00.5Z'), tzid: 'Europe/London' };
    expect(formatEventTime(input, 'start')).toEqual({ time: '2026-01-01T10:00:00Z', tzid: 'Europe/London' });
    expect(input.time).toBeInstanceOf(Date);
  });
  it('rejects naive, local and garbage values with ValidationError', () => {
    for (const bad of ['2026-01-01T10:00:00', 'tomorrow', '', new Date('x')]) {
      expect(() => formatDateOrTime(bad, 'from', 'readEvents')).toThrow(ValidationError);
    }
    expect(() => formatTime('2026-01-01', 'f')).toThrow(ValidationError);
    expect(() => formatEventTime({ time: '2026-01-01T10:00:00Z', tzid: '' }, 'start')).toThrow(/tzid/);
  });
});
