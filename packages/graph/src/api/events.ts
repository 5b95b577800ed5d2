import { ValidationError } from '@cal/core';
import { preferHeader, unwrap, userPath, type GraphApi } from './graph-api.js';
import { allPages } from './calendars.js';
import type { EventInput, GraphEvent } from './types.js';

function requireId(id: unknown, field: string, operation: string): string {
  if (typeof id !== 'string' || !id) throw new ValidationError(`${field} is required`, { provider: 'graph', operation, details: [{ field, description: 'non-empty string' }] });
  return id;
}

function requireObject(value: unknown, field: string, operation: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(`${field} must be an object`, { provider: 'graph', operation, details: [{ field, description: 'an event object' }] });
  }
  // Posting `{ event: {...} }` instead of the event itself fails server-side (msgraph-sdk-javascript #212).
  if ('event' in value) throw new ValidationError('Pass the event object itself, not { event: … }', { provider: 'graph', operation, details: [{ field: 'event', description: 'unexpected wrapper' }] });
}

/** Options of {@link listEvents}. @public */
export interface ListEventsOptions {
  calendarId?: string;
  /** `$select` (sent as a comma list). */
  select?: string[];
  /** `$orderby` entries, e.g. `['start/dateTime desc']`. */
  orderBy?: string[];
  /** `$filter` (OData). */
  filter?: string;
  /** Page size (`$top`). */
  top?: number;
}

/** Lists events (series masters and single instances; use calendarView for occurrences). Follows every page. @public */
export async function listEvents(api: GraphApi, options: ListEventsOptions = {}): Promise<GraphEvent[]> {
  const query = {
    ...(options.select ? { $select: options.select } : {}),
    ...(options.orderBy ? { $orderby: options.orderBy } : {}),
    ...(options.filter ? { $filter: options.filter } : {}),
    ...(options.top ? { $top: options.top } : {}),
  };
  const header = preferHeader(api);
  const page = options.calendarId
    ? await unwrap(api, api.client.GET('/users/{user-id}/calendars/{calendar-id}/events', { params: { path: { ...userPath(api), 'calendar-id': options.calendarId }, query }, headers: header }))
    : await unwrap(api, api.client.GET('/users/{user-id}/events', { params: { path: userPath(api), query }, headers: header }));
  return allPages(api, page);
}

/** Gets one event. @public */
export async function getEvent(api: GraphApi, eventId: string, options: { select?: string[] } = {}): Promise<GraphEvent> {
  return unwrap(api, api.client.GET('/users/{user-id}/events/{event-id}', {
    params: { path: { ...userPath(api), 'event-id': requireId(eventId, 'eventId', 'getEvent') }, query: options.select ? { $select: options.select } : {} },
    headers: preferHeader(api),
  }));
}

/** Creates an event in the default calendar or `calendarId` (user-post-events.md). @public */
export async function createEvent(api: GraphApi, event: EventInput, options: { calendarId?: string } = {}): Promise<GraphEvent> {
  requireObject(event, 'event', 'createEvent');
  if (options.calendarId !== undefined) {
    return unwrap(api, api.client.POST('/users/{user-id}/calendars/{calendar-id}/events', { params: { path: { ...userPath(api), 'calendar-id': requireId(options.calendarId, 'calendarId', 'createEvent') } }, body: event as GraphEvent }));
  }
  return unwrap(api, api.client.POST('/users/{user-id}/events', { params: { path: userPath(api) }, body: event as GraphEvent }));
}

/** PATCHes the given fields only (event-update.md: send only what changed). @public */
export async function updateEvent(api: GraphApi, eventId: string, changes: Partial<EventInput>): Promise<GraphEvent> {
  requireObject(changes, 'changes', 'updateEvent');
  return unwrap(api, api.client.PATCH('/users/{user-id}/events/{event-id}', { params: { path: { ...userPath(api), 'event-id': requireId(eventId, 'eventId', 'updateEvent') } }, body: changes as GraphEvent }));
}

/**
 * The top-level fields of `updated` that differ from `original` (deep comparison), i.e. the PATCH body
 * O365's `Event.save()` sends from its tracked changes.
 * @public
 */
export function changedFields(original: GraphEvent, updated: GraphEvent): Partial<EventInput> {
  const out: Record<string, unknown> = {};
  const skip = new Set(['id', '@odata.etag', 'changeKey', 'createdDateTime', 'lastModifiedDateTime']);
  for (const [k, v] of Object.entries(updated)) {
    if (skip.has(k)) continue;
    if (JSON.stringify(v) !== JSON.stringify((original as Record<string, unknown>)[k])) out[k] = v;
  }
  return out as Partial<EventInput>;
}

/** Saves `updated` by PATCHing only what changed since `original`; no request when nothing changed. @public */
export async function saveEvent(api: GraphApi, original: GraphEvent, updated: GraphEvent): Promise<GraphEvent> {
  const changes = changedFields(original, updated);
  if (Object.keys(changes).length === 0) return original;
  return updateEvent(api, requireId(original.id, 'original.id', 'saveEvent'), changes);
}

/** Deletes an event; with `etag`, a concurrent change fails with ConflictError (412). @public */
export async function deleteEvent(api: GraphApi, eventId: string, options: { etag?: string } = {}): Promise<void> {
  await unwrap(api, api.client.DELETE('/users/{user-id}/events/{event-id}', {
    params: { path: { ...userPath(api), 'event-id': requireId(eventId, 'eventId', 'deleteEvent') }, ...(options.etag ? { header: { 'If-Match': options.etag } } : {}) },
  }));
}
