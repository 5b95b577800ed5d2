import type { Kit } from './on-demand.js';
import { patchEvent } from './event-ops.js';
import type { EventInput, WriteOptions } from './events.js';
import type { Transport } from './transport.js';
import type { JSCalendarEvent } from './types/jscalendar.js';
import type { PatchObject } from './types/core.js';

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

/** Builds the PatchObject that replaces an event with a new version. @internal */
export function replacementPatch(k: Kit, event: JSCalendarEvent): PatchObject {
  const patch: PatchObject = {};
  for (const key of REPLACED) patch[key] = null;
  for (const [key, value] of Object.entries(k.toServerEvent(event))) {
    if (!NOT_PATCHED.has(key) && value !== undefined) patch[key] = value;
  }
  if (!('calendarIds' in event)) delete patch['calendarIds'];
  return patch;
}

/** Replaces an event with a new version (VCALENDAR text or JSCalendar). @internal */
export async function updateEvent(k: Kit, t: Transport, id: string, input: EventInput, opts: WriteOptions = {}): Promise<void> {
  k.requireId(id, 'id', 'updateEvent');
  await patchEvent(k, t, id, replacementPatch(k, await k.toEvent(input, 'updateEvent')), opts);
}
