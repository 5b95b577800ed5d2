import { ValidationError } from '@cal/core';
import { followLink, unwrap, userPath, type GraphApi } from './graph-api.js';
import type { GraphCalendarGroup, GraphCalendarResource, ODataPage } from './types.js';

/** Reads every page of a collection (calendars rarely have more than one). @internal */
export async function allPages<T>(api: GraphApi, first: ODataPage<T> | undefined): Promise<T[]> {
  const out: T[] = [...(first?.value ?? [])];
  let next = first?.['@odata.nextLink'];
  while (next) {
    const page: ODataPage<T> = await followLink(api, next, {});
    out.push(...(page.value ?? []));
    next = page['@odata.nextLink'];
  }
  return out;
}

function requireId(id: unknown, field: string, operation: string): string {
  if (typeof id !== 'string' || !id) throw new ValidationError(`${field} is required`, { provider: 'graph', operation, details: [{ field, description: 'non-empty string' }] });
  return id;
}

/** Lists the mailbox's calendars (user-list-calendars.md). @public */
export async function listCalendars(api: GraphApi, options: { select?: string[] } = {}): Promise<GraphCalendarResource[]> {
  const page = await unwrap(api, api.client.GET('/users/{user-id}/calendars', { params: { path: userPath(api), query: { ...(options.select ? { $select: options.select } : {}) } } }));
  return allPages(api, page);
}

/** Gets a calendar, or the default calendar without an id. @public */
export async function getCalendar(api: GraphApi, calendarId?: string): Promise<GraphCalendarResource> {
  if (calendarId === undefined) return unwrap(api, api.client.GET('/users/{user-id}/calendar', { params: { path: userPath(api) } }));
  return unwrap(api, api.client.GET('/users/{user-id}/calendars/{calendar-id}', { params: { path: { ...userPath(api), 'calendar-id': requireId(calendarId, 'calendarId', 'getCalendar') } } }));
}

/** Creates a calendar (user-post-calendars.md). @public */
export async function createCalendar(api: GraphApi, calendar: { name: string; color?: NonNullable<GraphCalendarResource['color']> }): Promise<GraphCalendarResource> {
  requireId(calendar?.name, 'name', 'createCalendar');
  return unwrap(api, api.client.POST('/users/{user-id}/calendars', { params: { path: userPath(api) }, body: calendar }));
}

/** Renames / recolours a calendar. @public */
export async function updateCalendar(api: GraphApi, calendarId: string, changes: { name?: string; color?: NonNullable<GraphCalendarResource['color']> }): Promise<GraphCalendarResource> {
  return unwrap(api, api.client.PATCH('/users/{user-id}/calendars/{calendar-id}', { params: { path: { ...userPath(api), 'calendar-id': requireId(calendarId, 'calendarId', 'updateCalendar') } }, body: changes }));
}

/** Deletes a calendar; pass its etag to fail with ConflictError when it changed. @public */
export async function deleteCalendar(api: GraphApi, calendarId: string, options: { etag?: string } = {}): Promise<void> {
  await unwrap(api, api.client.DELETE('/users/{user-id}/calendars/{calendar-id}', {
    params: { path: { ...userPath(api), 'calendar-id': requireId(calendarId, 'calendarId', 'deleteCalendar') }, ...(options.etag ? { header: { 'If-Match': options.etag } } : {}) },
  }));
}

/** Lists calendar groups. @public */
export async function listCalendarGroups(api: GraphApi): Promise<GraphCalendarGroup[]> {
  return allPages(api, await unwrap(api, api.client.GET('/users/{user-id}/calendarGroups', { params: { path: userPath(api) } })));
}

/** Creates a calendar group. @public */
export async function createCalendarGroup(api: GraphApi, name: string): Promise<GraphCalendarGroup> {
  requireId(name, 'name', 'createCalendarGroup');
  return unwrap(api, api.client.POST('/users/{user-id}/calendarGroups', { params: { path: userPath(api) }, body: { name } }));
}

/** Deletes a calendar group. @public */
export async function deleteCalendarGroup(api: GraphApi, groupId: string): Promise<void> {
  await unwrap(api, api.client.DELETE('/users/{user-id}/calendarGroups/{calendarGroup-id}', { params: { path: { ...userPath(api), 'calendarGroup-id': requireId(groupId, 'groupId', 'deleteCalendarGroup') } } }));
}

/** Lists the calendars of a group. @public */
export async function listGroupCalendars(api: GraphApi, groupId: string): Promise<GraphCalendarResource[]> {
  const page = await unwrap(api, api.client.GET('/users/{user-id}/calendarGroups/{calendarGroup-id}/calendars', { params: { path: { ...userPath(api), 'calendarGroup-id': requireId(groupId, 'groupId', 'listGroupCalendars') } } }));
  return allPages(api, page);
}
