import type { Kit } from './on-demand.js';
import type { Transport } from './transport.js';

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

/** `Calendar/set` create; returns the new id. @internal */
export async function createCalendar(k: Kit, t: Transport, props: NewCalendar, signal?: AbortSignal): Promise<string> {
  if (typeof props !== 'object' || props === null || typeof props.name !== 'string' || props.name.trim() === '') {
    throw k.invalid('name', 'createCalendar', 'a calendar needs a non-empty name');
  }
  return t.create('Calendar/set', 'cal-0', props, {}, signal);
}

/**
 * `Calendar/set` destroy. With `removeEvents` the server also destroys the calendar's events
 * (`onDestroyRemoveEvents`); without it a non-empty calendar fails with the SetError `calendarHasEvent`.
 * @internal
 */
export async function deleteCalendar(k: Kit, t: Transport, id: string, opts: { removeEvents?: boolean; signal?: AbortSignal } = {}): Promise<void> {
  k.requireId(id, 'calendarId', 'deleteCalendar');
  await t.set(k.call('Calendar/set', { destroy: [id], ...(opts.removeEvents ? { onDestroyRemoveEvents: true } : {}) }), opts.signal);
}
