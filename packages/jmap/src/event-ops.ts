import { NotFoundError } from '@cal/core';
import type { Kit } from './on-demand.js';
import type { JMAPCalendarObject } from './calendar-object.js';
import type { WriteOptions } from './events.js';
import type { Transport } from './transport.js';
import type { PatchObject } from './types/core.js';

/** `CalendarEvent/get` of some ids. @internal */
export async function getEvents(k: Kit, t: Transport, ids: readonly string[], signal?: AbortSignal): Promise<{ list: JMAPCalendarObject[]; notFound: string[] }> {
  if (!Array.isArray(ids)) throw k.invalid('ids', 'getEvents', 'expected an array of ids');
  ids.forEach((id) => k.requireId(id, 'id', 'getEvents'));
  const res = await t.one(k.call('CalendarEvent/get', { ids }), signal);
  return { list: res.list.map((e) => new k.JMAPCalendarObject(e)), notFound: res.notFound ?? [] };
}

/** `CalendarEvent/get` of one id; NotFoundError when it does not exist. @internal */
export async function getEvent(k: Kit, t: Transport, id: string, signal?: AbortSignal): Promise<JMAPCalendarObject> {
  k.requireId(id, 'id', 'getEvent');
  const { list } = await getEvents(k, t, [id], signal);
  const found = list.find((e) => e.id === id) ?? list[0];
  if (!found) throw new NotFoundError(`CalendarEvent ${id} not found`, { provider: k.PROVIDER, providerCode: 'notFound' });
  return found;
}

/** `CalendarEvent/set` update with a raw PatchObject. @internal */
export async function patchEvent(k: Kit, t: Transport, id: string, patch: PatchObject, opts: WriteOptions = {}): Promise<void> {
  k.requireId(id, 'id', 'patchEvent');
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw k.invalid('patch', 'patchEvent', 'expected a PatchObject');
  await t.set(k.call('CalendarEvent/set', { update: { [id]: patch }, ...k.setOptions(opts) }), opts.signal);
}

/** `CalendarEvent/set` destroy. @internal */
export async function deleteEvent(k: Kit, t: Transport, id: string, opts: WriteOptions = {}): Promise<void> {
  k.requireId(id, 'id', 'deleteEvent');
  await t.set(k.call('CalendarEvent/set', { destroy: [id], ...k.setOptions(opts) }), opts.signal);
}
