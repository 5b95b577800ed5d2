import { NotFoundError } from '@cal/core';
import { PROVIDER } from './constants.js';
import { call } from './method-call.js';
import { assertSetOk } from './set-result.js';
import { invalid, requireId } from './validate.js';
import type { Transport } from './transport.js';
import type { JMAPCalendar } from './types/jscalendar.js';

/** Properties of a new calendar (draft-ietf-jmap-calendars §4). @public */
export interface NewCalendar {
  name: string;
  description?: string;
  color?: string;
  sortOrder?: number;
  isVisible?: boolean;
  isSubscribed?: boolean;
  timeZone?: string;
  [key: string]: unknown;
}

/** `Calendar/get` with `ids: null`: every calendar of the account. @internal */
export async function getCalendars(t: Transport, signal?: AbortSignal): Promise<JMAPCalendar[]> {
  const c = call('Calendar/get', { ids: null });
  return (await t.send([c], signal ? { signal } : {})).get(c).list;
}

/** `Calendar/set` create; returns the new id. @internal */
export async function createCalendar(t: Transport, props: NewCalendar, signal?: AbortSignal): Promise<string> {
  if (typeof props !== 'object' || props === null || typeof props.name !== 'string' || props.name.trim() === '') {
    throw invalid('name', 'createCalendar', 'a calendar needs a non-empty name');
  }
  const c = call('Calendar/set', { create: { 'cal-0': props } });
  const res = (await t.send([c], signal ? { signal } : {})).get(c);
  assertSetOk(c.name, c.id, res);
  const id = res.created?.['cal-0']?.id;
  if (!id) throw new NotFoundError('Calendar/set reported no created id', { provider: PROVIDER, body: res });
  return id;
}

/**
 * `Calendar/set` destroy. With `removeEvents` the server also destroys the calendar's events
 * (`onDestroyRemoveEvents`); without it a non-empty calendar fails with the SetError `calendarHasEvent`.
 * @internal
 */
export async function deleteCalendar(t: Transport, id: string, opts: { removeEvents?: boolean; signal?: AbortSignal } = {}): Promise<void> {
  requireId(id, 'calendarId', 'deleteCalendar');
  const c = call('Calendar/set', { destroy: [id], ...(opts.removeEvents ? { onDestroyRemoveEvents: true } : {}) });
  assertSetOk(c.name, c.id, (await t.send([c], opts.signal ? { signal: opts.signal } : {})).get(c));
}
