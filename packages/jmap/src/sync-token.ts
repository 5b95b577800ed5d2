import { call } from './method-call.js';
import type { Transport } from './transport.js';

/** `CalendarEvent/get` with `ids: []`: only the state, no data (python-caldav does the same). @internal */
export async function getSyncToken(t: Transport, signal?: AbortSignal): Promise<string> {
  return (await t.one(call('CalendarEvent/get', { ids: [] }), signal)).state;
}
