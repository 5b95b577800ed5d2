import type { Kit } from './on-demand.js';
import type { CreateEventsResult, EventInput, WriteOptions } from './events.js';
import type { SetErrorEntry } from './errors.js';
import type { Transport } from './transport.js';
import type { JSCalendarEvent } from './types/jscalendar.js';

/**
 * Creates many events with one `CalendarEvent/set` per `maxObjectsInSet` chunk (one HTTP request per
 * chunk, so 500 events are one request on Cyrus). Rejected items are reported, not thrown.
 * @internal
 */
export async function createEvents(k: Kit, t: Transport, calendarId: string, inputs: readonly EventInput[], opts: WriteOptions = {}): Promise<CreateEventsResult> {
  k.requireId(calendarId, 'calendarId', 'createEvents');
  if (!Array.isArray(inputs)) throw k.invalid('events', 'createEvents', 'expected an array of events');
  const events: JSCalendarEvent[] = [];
  // One by one, so the first bad item is the one reported (as before the converter became lazy).
  for (const i of inputs) events.push({ ...k.toServerEvent(await k.toEvent(i, 'createEvents')), calendarIds: { [calendarId]: true } });
  const session = await t.getSession(opts.signal);
  const core = session.capabilities['urn:ietf:params:jmap:core'] as { maxObjectsInSet?: number } | undefined;
  const chunk = Math.max(1, Number(core?.maxObjectsInSet) || 500);
  const ids: (string | undefined)[] = new Array<string | undefined>(events.length).fill(undefined);
  const errors: SetErrorEntry[] = [];
  let newState: string | undefined;
  for (let from = 0; from < events.length; from += chunk) {
    const create: Record<string, JSCalendarEvent> = {};
    events.slice(from, from + chunk).forEach((e, i) => (create[`e${from + i}`] = e));
    const res = await t.one(k.call('CalendarEvent/set', { create, ...k.setOptions(opts) }), opts.signal);
    newState = res.newState;
    for (const [key, obj] of Object.entries(res.created ?? {})) ids[Number(key.slice(1))] = obj.id;
    errors.push(...k.setErrors(res));
  }
  return { ids, errors, newState };
}
