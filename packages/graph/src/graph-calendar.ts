import { ValidationError } from '@cal/core';
import { createGraphApi, type GraphApi } from './api/graph-api.js';
import type { GraphConnection } from './connection/graph-connection.js';
import { createCalendar, createCalendarGroup, deleteCalendar, deleteCalendarGroup, getCalendar, listCalendarGroups, listCalendars, listGroupCalendars, updateCalendar } from './api/calendars.js';
import { createEvent, deleteEvent, getEvent, listEvents, saveEvent, updateEvent } from './api/events.js';
import { calendarView, calendarViewPages, listCalendarView, listInstances } from './api/calendar-view.js';
import { syncCalendarView } from './api/delta.js';
import { acceptEvent, cancelEvent, declineEvent, forwardEvent, tentativelyAcceptEvent } from './api/event-actions.js';
import { addAttachment, deleteAttachment, getAttachment, listAttachments } from './api/attachments.js';
import { findMeetingTimes, getSchedule } from './api/schedule.js';
import { batch } from './api/batch.js';
import { getMe, getUser } from './api/users.js';
import { toWindowsZone } from './time/windows-zones.js';

const FUNCTIONS = {
  getMe, getUser,
  listCalendars, getCalendar, createCalendar, updateCalendar, deleteCalendar, listCalendarGroups, createCalendarGroup, deleteCalendarGroup, listGroupCalendars,
  listEvents, getEvent, createEvent, updateEvent, saveEvent, deleteEvent,
  calendarView, calendarViewPages, listCalendarView, listInstances, syncCalendarView,
  acceptEvent, declineEvent, tentativelyAcceptEvent, cancelEvent, forwardEvent,
  listAttachments, getAttachment, addAttachment, deleteAttachment,
  getSchedule, findMeetingTimes, batch,
};

type Bound<F> = F extends (api: GraphApi, ...rest: infer R) => infer T ? (...rest: R) => T : never;

/**
 * The whole typed calendar API bound to one connection and mailbox (see {@link createGraphCalendar}).
 * @public
 */
export type GraphCalendar = { readonly api: GraphApi } & { readonly [K in keyof typeof FUNCTIONS]: Bound<(typeof FUNCTIONS)[K]> };

/**
 * Binds every function of the typed calendar API to a {@link GraphConnection}. For the smallest
 * bundles import the functions (`calendarView(api, …)`) and `createGraphApi` instead.
 * @param options - `user`: `me` (default) or an id/UPN for app-only; `timeZone`: IANA or Windows name
 *   for `Prefer: outlook.timezone` (IANA is mapped to Windows); `pageSize`: `odata.maxpagesize`
 * @example
 * ```ts
 * const cal = createGraphCalendar(con, { timeZone: 'Europe/Berlin' });
 * for await (const e of cal.calendarView({ start, end })) console.log(e.subject);
 * ```
 * @public
 */
export function createGraphCalendar(connection: GraphConnection, options: { user?: string; timeZone?: string; pageSize?: number } = {}): GraphCalendar {
  const resource = connection.protocol.defaultResource.replace(/^users\//, '');
  // App-only tokens have no "me" (O365 drops the `me` resource for the credentials flow).
  if (connection.authFlowType === 'credentials' && !options.user && (!resource || resource === 'me')) {
    throw new ValidationError("The 'credentials' flow has no signed-in user: pass { user: '<id or userPrincipalName>' }", {
      provider: 'graph',
      operation: 'createGraphCalendar',
      details: [{ field: 'user', description: 'required for app-only access' }],
    });
  }
  const tz = options.timeZone ? toWindowsZone(options.timeZone) : connection.protocol.timeZone;
  const api = createGraphApi({
    http: connection.http,
    baseUrl: connection.baseUrl,
    user: options.user ?? (resource || 'me'),
    ...(tz ? { timeZone: tz } : {}),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  });
  const out: Record<string, unknown> = { api };
  for (const [name, fn] of Object.entries(FUNCTIONS)) out[name] = (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(api, ...args);
  return out as GraphCalendar;
}
