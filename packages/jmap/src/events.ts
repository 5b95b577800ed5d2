import { NotFoundError } from '@cal/core';
import { PROVIDER } from './constants.js';
import { call } from './method-call.js';
import { assertSetOk, setErrors } from './set-result.js';
import { JMAPCalendarObject } from './calendar-object.js';
import { toServerEvent, icalToJSCalendar } from './convert/index.js';
import { invalid, requireId } from './validate.js';
import type { SetErrorEntry } from './errors.js';
import type { Transport } from './transport.js';
import type { JSCalendarEvent } from './types/jscalendar.js';
import type { PatchObject } from './types/core.js';

/** An event to write: VCALENDAR text, or a JSCalendar Event object. @public */
export type EventInput = string | JSCalendarEvent;

/** Options of the event writes. @public */
export interface WriteOptions {
  /** Only write if the CalendarEvent state is still this one; otherwise `ConflictError` (RFC 8620 §5.3). */
  readonly ifInState?: string;
  /** Ask the server to send iTIP messages to participants (draft-ietf-jmap-calendars §5.8). */
  readonly sendSchedulingMessages?: boolean;
  /** Cancels the request. */
  readonly signal?: AbortSignal;
}

/** Result of {@link JMAPClient.createEvents}. @public */
export interface CreateEventsResult {
  /** Server ids, in input order; `undefined` where that item was rejected. */
  readonly ids: (string | undefined)[];
  /** Every rejected item (`id` is `"e<index>"`, the creation id), none dropped. */
  readonly errors: SetErrorEntry[];
  /** CalendarEvent state after the last batch. */
  readonly newState: string | undefined;
}

/**
 * Properties a whole-event update replaces. Those absent from the new version are set to `null` in the
 * PatchObject (RFC 8620 §5.3: null resets to the default), so an update can remove a location or an
 * alert: python-caldav's whole-object "patch" never clears anything (caldav-jmap.md §2.3).
 */
const REPLACED = [
  'title', 'description', 'locations', 'virtualLocations', 'participants', 'alerts', 'recurrenceRules',
  'excludedRecurrenceRules', 'recurrenceOverrides', 'status', 'freeBusyStatus', 'privacy', 'keywords',
  'categories', 'priority', 'color', 'replyTo', 'links', 'showWithoutTime', 'timeZone', 'duration',
];
/** Never part of an update: immutable or server-set. */
const NOT_PATCHED = new Set(['id', 'uid', '@type', 'created', 'updated', 'x-href', 'blobId', 'utcStart', 'utcEnd', 'isOrigin', 'baseEventId']);

/** Converts input to a JSCalendar object. @internal */
export function toEvent(input: EventInput, operation: string): JSCalendarEvent {
  if (typeof input === 'string') return icalToJSCalendar(input);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid('event', operation, 'expected VCALENDAR text or a JSCalendar Event object');
  }
  return input;
}

function setOptions(opts: WriteOptions): Record<string, unknown> {
  return {
    ...(opts.ifInState === undefined ? {} : { ifInState: opts.ifInState }),
    ...(opts.sendSchedulingMessages === undefined ? {} : { sendSchedulingMessages: opts.sendSchedulingMessages }),
  };
}

/** `CalendarEvent/set` create of one event; returns its id. @internal */
export async function createEvent(t: Transport, calendarId: string, input: EventInput, opts: WriteOptions = {}): Promise<string> {
  requireId(calendarId, 'calendarId', 'createEvent');
  const event = { ...toServerEvent(toEvent(input, 'createEvent')), calendarIds: { [calendarId]: true as const } };
  const c = call('CalendarEvent/set', { create: { 'new-0': event }, ...setOptions(opts) });
  const res = (await t.send([c], opts.signal ? { signal: opts.signal } : {})).get(c);
  assertSetOk(c.name, c.id, res);
  const id = res.created?.['new-0']?.id;
  if (!id) throw new NotFoundError('CalendarEvent/set reported no created id', { provider: PROVIDER, body: res });
  return id;
}

/**
 * Creates many events with one `CalendarEvent/set` per `maxObjectsInSet` chunk (one HTTP request per
 * chunk, so 500 events are one request on Cyrus). Rejected items are reported, not thrown.
 * @internal
 */
export async function createEvents(t: Transport, calendarId: string, inputs: readonly EventInput[], opts: WriteOptions = {}): Promise<CreateEventsResult> {
  requireId(calendarId, 'calendarId', 'createEvents');
  if (!Array.isArray(inputs)) throw invalid('events', 'createEvents', 'expected an array of events');
  const events = inputs.map((i) => ({ ...toServerEvent(toEvent(i, 'createEvents')), calendarIds: { [calendarId]: true as const } }));
  const session = await t.getSession(opts.signal);
  const core = session.capabilities['urn:ietf:params:jmap:core'] as { maxObjectsInSet?: number } | undefined;
  const chunk = Math.max(1, Number(core?.maxObjectsInSet) || 500);
  const ids: (string | undefined)[] = new Array<string | undefined>(events.length).fill(undefined);
  const errors: SetErrorEntry[] = [];
  let newState: string | undefined;
  for (let from = 0; from < events.length; from += chunk) {
    const create: Record<string, JSCalendarEvent> = {};
    events.slice(from, from + chunk).forEach((e, i) => (create[`e${from + i}`] = e));
    const c = call('CalendarEvent/set', { create, ...setOptions(opts) });
    const res = (await t.send([c], opts.signal ? { signal: opts.signal } : {})).get(c);
    newState = res.newState;
    for (const [key, obj] of Object.entries(res.created ?? {})) ids[Number(key.slice(1))] = obj.id;
    errors.push(...setErrors(res));
  }
  return { ids, errors, newState };
}

/** `CalendarEvent/get` of some ids. @internal */
export async function getEvents(t: Transport, ids: readonly string[], signal?: AbortSignal): Promise<{ list: JMAPCalendarObject[]; notFound: string[] }> {
  if (!Array.isArray(ids)) throw invalid('ids', 'getEvents', 'expected an array of ids');
  ids.forEach((id) => requireId(id, 'id', 'getEvents'));
  const c = call('CalendarEvent/get', { ids });
  const res = (await t.send([c], signal ? { signal } : {})).get(c);
  return { list: res.list.map((e) => new JMAPCalendarObject(e)), notFound: res.notFound ?? [] };
}

/** `CalendarEvent/get` of one id; NotFoundError when it does not exist. @internal */
export async function getEvent(t: Transport, id: string, signal?: AbortSignal): Promise<JMAPCalendarObject> {
  requireId(id, 'id', 'getEvent');
  const { list } = await getEvents(t, [id], signal);
  const found = list.find((e) => e.id === id) ?? list[0];
  if (!found) throw new NotFoundError(`CalendarEvent ${id} not found`, { provider: PROVIDER, providerCode: 'notFound' });
  return found;
}

/** Builds the PatchObject that replaces an event with a new version. @internal */
export function replacementPatch(event: JSCalendarEvent): PatchObject {
  const patch: PatchObject = {};
  for (const key of REPLACED) patch[key] = null;
  for (const [key, value] of Object.entries(toServerEvent(event))) {
    if (!NOT_PATCHED.has(key) && value !== undefined) patch[key] = value;
  }
  if (!('calendarIds' in event)) delete patch['calendarIds'];
  return patch;
}

/** `CalendarEvent/set` update with a raw PatchObject. @internal */
export async function patchEvent(t: Transport, id: string, patch: PatchObject, opts: WriteOptions = {}): Promise<void> {
  requireId(id, 'id', 'patchEvent');
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw invalid('patch', 'patchEvent', 'expected a PatchObject');
  const c = call('CalendarEvent/set', { update: { [id]: patch }, ...setOptions(opts) });
  assertSetOk(c.name, c.id, (await t.send([c], opts.signal ? { signal: opts.signal } : {})).get(c));
}

/** Replaces an event with a new version (VCALENDAR text or JSCalendar). @internal */
export async function updateEvent(t: Transport, id: string, input: EventInput, opts: WriteOptions = {}): Promise<void> {
  requireId(id, 'id', 'updateEvent');
  await patchEvent(t, id, replacementPatch(toEvent(input, 'updateEvent')), opts);
}

/** `CalendarEvent/set` destroy. @internal */
export async function deleteEvent(t: Transport, id: string, opts: WriteOptions = {}): Promise<void> {
  requireId(id, 'id', 'deleteEvent');
  const c = call('CalendarEvent/set', { destroy: [id], ...setOptions(opts) });
  assertSetOk(c.name, c.id, (await t.send([c], opts.signal ? { signal: opts.signal } : {})).get(c));
}
