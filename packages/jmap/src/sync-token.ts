import { call } from './method-call.js';
import type { Transport } from './transport.js';

/** `CalendarEvent/get` with `ids: []`: only the state, no data (python-caldav does the same). @internal */
export async function getSyncToken(t: Transport, signal?: AbortSignal): Promise<string> {
  const c = call('CalendarEvent/get', { ids: [] });
  return (await t.send([c], signal ? { signal } : {})).get(c).state;
}
