import { call } from './method-call.js';
import type { Transport } from './transport.js';
import type { JMAPCalendar } from './types/jscalendar.js';

/** `Calendar/get` with `ids: null`: every calendar of the account. @internal */
export async function getCalendars(t: Transport, signal?: AbortSignal): Promise<JMAPCalendar[]> {
  return (await t.one(call('Calendar/get', { ids: null }), signal)).list;
}
