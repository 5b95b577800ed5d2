import type { JSCalendarEvent } from './types/jscalendar.js';

/**
 * Client-side only properties a server would reject: Cyrus 3.10 answers `invalidProperties` for any
 * property it does not know, including `iCalComponent` and vendor-prefixed names (probed on 3.10.1).
 */
const CLIENT_ONLY = ['iCalComponent'];

/** The event as sent to a server: without client-only properties and without `id`. @internal */
export function toServerEvent(event: JSCalendarEvent): JSCalendarEvent {
  const out: JSCalendarEvent = { ...event };
  for (const k of CLIENT_ONLY) delete out[k];
  delete out.id;
  if (out.alerts) {
    out.alerts = Object.fromEntries(Object.entries(out.alerts).map(([k, a]) => {
      const { iCalComponent: _drop, ...rest } = a;
      return [k, rest as typeof a];
    }));
  }
  return out;
}
