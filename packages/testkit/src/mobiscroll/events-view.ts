import type { MsUser } from './state.js';
import type { MsEvent, MsProvider } from './types.js';
import { instanceId, occurrences } from './recurrence.js';

/** A wire event (reference §3.3) with its sort key. @internal */
export interface ListedEvent {
  sortKey: number;
  wire: Record<string, unknown>;
}

const FREE_BUSY_DROP = ['description', 'location', 'attendees', 'custom', 'conference', 'conferenceData'];

/** Wire form of a stored event: no series bookkeeping, `original` mimics the provider object. @internal */
export function toWire(e: MsEvent, freeBusy = false): Record<string, unknown> {
  const { exceptions: _x, ...rest } = e;
  const wire: Record<string, unknown> = { ...rest, original: { id: e.id, source: e.provider } };
  if (freeBusy) {
    // reference §2.6: free-busy scope anonymises events into "Busy" blocks.
    for (const k of FREE_BUSY_DROP) delete wire[k];
    wire.title = 'Busy';
  }
  return wire;
}

/** Expands one series into instances overlapping [from, to), applying exceptions. @internal */
export function expand(series: MsEvent, from: number, to: number): MsEvent[] {
  const duration = Date.parse(series.end) - Date.parse(series.start);
  const out: MsEvent[] = [];
  for (const o of occurrences(series, from - 366 * 86_400_000, to)) {
    const key = new Date(o.start).toISOString();
    const ex = series.exceptions?.[key];
    if (ex === null) continue; // cancelled instance
    const { recurrence: _r, exceptions: _e, ...base } = series;
    const inst: MsEvent = {
      ...base,
      id: instanceId(series.id, o.start),
      start: key,
      end: new Date(o.start + duration).toISOString(),
      ...(ex ?? {}),
    };
    (inst as MsEvent & { recurringEventId: string }).recurringEventId = series.id;
    if (Date.parse(inst.end) > from && Date.parse(inst.start) < to) out.push(inst);
  }
  return out;
}

/** Events of `user` in range, sorted by start across providers (reference §3.2). @internal */
export function listEvents(
  user: MsUser,
  opts: { from: number; to: number; calendarIds?: Partial<Record<MsProvider, string[]>>; singleEvents: boolean; freeBusy: boolean },
): ListedEvent[] {
  const allowed = (e: MsEvent) => {
    if (!opts.calendarIds) return true;
    const ids = opts.calendarIds[e.provider];
    return Array.isArray(ids) && ids.length > 0 ? ids.includes(e.calendarId) : false;
  };
  const out: ListedEvent[] = [];
  for (const e of user.events.values()) {
    if (!allowed(e)) continue;
    if (e.recurrence && opts.singleEvents) {
      for (const inst of expand(e, opts.from, opts.to)) out.push({ sortKey: Date.parse(inst.start), wire: toWire(inst, opts.freeBusy) });
    } else if (Date.parse(e.end) > opts.from && Date.parse(e.start) < opts.to) {
      out.push({ sortKey: Date.parse(e.start), wire: toWire(e, opts.freeBusy) });
    }
  }
  out.sort((a, b) => a.sortKey - b.sortKey || String(a.wire.id).localeCompare(String(b.wire.id)));
  return out;
}
