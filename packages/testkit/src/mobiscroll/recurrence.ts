import type { MsEvent, MsRecurrence } from './types.js';

/**
 * Series expansion for the simulator: FREQ with INTERVAL, COUNT and UNTIL (reference §3.4). BYDAY /
 * BYMONTHDAY / BYMONTH are stored and echoed but not expanded — enough for this/following/all edits.
 */

const DAY = 86_400_000;

/** `YYYYMMDDTHHMMSSZ` or ISO → epoch ms. @internal */
export function parseUntil(until: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(until);
  if (m) return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 23), +(m[5] ?? 59), +(m[6] ?? 59));
  return Date.parse(until);
}

/** Epoch ms → `YYYYMMDDTHHMMSSZ`. @internal */
export function formatUntil(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function step(start: number, r: MsRecurrence, n: number): number {
  const k = n * (r.interval ?? 1);
  const d = new Date(start);
  switch (r.frequency) {
    case 'DAILY':
      return start + k * DAY;
    case 'WEEKLY':
      return start + k * 7 * DAY;
    case 'MONTHLY':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
    case 'YEARLY':
      return Date.UTC(d.getUTCFullYear() + k, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
  }
}

/** Instance id: series id + the instance's original start. @internal */
export function instanceId(seriesId: string, originalStart: number): string {
  return `${seriesId}_${formatUntil(originalStart)}`;
}

/** Occurrence starts (original, before exceptions) overlapping [from, to), with their index. @internal */
export function* occurrences(series: MsEvent, from: number, to: number, max = 5000): Generator<{ start: number; index: number }> {
  const r = series.recurrence!;
  const start = Date.parse(series.start);
  const duration = Date.parse(series.end) - start;
  const until = r.until ? parseUntil(r.until) : Infinity;
  for (let i = 0; i < max; i++) {
    if (r.count !== undefined && i >= r.count) return;
    const s = step(start, r, i);
    if (s > until || s >= to) return;
    if (s + duration > from) yield { start: s, index: i };
  }
}

/** Index of the occurrence starting at `originalStart`, or -1. @internal */
export function occurrenceIndex(series: MsEvent, originalStart: number): number {
  for (const o of occurrences(series, originalStart, originalStart + 1)) if (o.start === originalStart) return o.index;
  return -1;
}
