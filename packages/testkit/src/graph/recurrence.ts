import { eventBounds, type StoredEvent } from './state.js';

/** One expanded occurrence. */
export interface Occurrence {
  id: string;
  start: number;
  end: number;
  type: 'occurrence';
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_MS = 86_400_000;

/**
 * Expands a series master in [from, to) (patternedrecurrence.md). The simulator supports `daily` and
 * `weekly` patterns with `endDate` / `numbered` / `noEnd` ranges, which is what the client tests use;
 * other pattern types yield only the first occurrence. Expansion is in UTC days (DST ignored).
 */
export function expand(ev: StoredEvent, from: number, to: number): Occurrence[] {
  const rec = ev.data['recurrence'] as
    | { pattern?: { type?: string; interval?: number; daysOfWeek?: string[] }; range?: { type?: string; endDate?: string; numberOfOccurrences?: number } }
    | null
    | undefined;
  const { start, end } = eventBounds(ev.data);
  const duration = end - start;
  const out: Occurrence[] = [];
  const interval = Math.max(1, rec?.pattern?.interval ?? 1);
  const last = rec?.range?.type === 'endDate' && rec.range.endDate ? Date.parse(`${rec.range.endDate}T23:59:59Z`) : Infinity;
  const max = rec?.range?.type === 'numbered' ? (rec.range.numberOfOccurrences ?? 1) : Infinity;
  const type = rec?.pattern?.type;
  const days = new Set((rec?.pattern?.daysOfWeek ?? [DAYS[new Date(start).getUTCDay()] as string]).map((d) => d.toLowerCase()));
  let count = 0;
  for (let day = 0; count < max && start + day * DAY_MS <= Math.min(last, to) && day < 3660; day++) {
    const s = start + day * DAY_MS;
    let hit: boolean;
    if (type === 'daily') hit = day % interval === 0;
    else if (type === 'weekly') hit = days.has(DAYS[new Date(s).getUTCDay()] as string) && Math.floor(day / 7) % interval === 0;
    else hit = day === 0;
    if (!hit) continue;
    count++;
    if (s + duration > from && s < to) {
      const stamp = new Date(s).toISOString().slice(0, 10).replace(/-/g, '');
      out.push({ id: `${ev.data.id}_${stamp}`, start: s, end: s + duration, type: 'occurrence' });
    }
    if (type !== 'daily' && type !== 'weekly') break;
  }
  return out;
}
