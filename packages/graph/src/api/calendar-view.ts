import { ProtocolError, ValidationError } from '@cal/core';
import { followLink, preferHeader, unwrap, userPath, type GraphApi } from './graph-api.js';
import type { GraphEvent, ODataPage } from './types.js';
import { toIsoUtc, type DateInput } from '../time/date-time.js';

/** Options of {@link calendarView}. @public */
export interface CalendarViewOptions {
  /** Window start (inclusive); no offset = UTC. */
  start: DateInput;
  /** Window end (exclusive). */
  end: DateInput;
  calendarId?: string;
  select?: string[];
  orderBy?: string[];
  filter?: string;
  /** `Prefer: odata.maxpagesize` (Outlook default page: 10). */
  pageSize?: number;
  /** Windows zone for `Prefer: outlook.timezone` (overrides the context's). */
  timeZone?: string;
  signal?: AbortSignal;
}

/** One page of a calendarView. @public */
export interface EventPage {
  readonly items: GraphEvent[];
  /** The link the next page came from (absent on the last page). */
  readonly nextLink?: string;
}

/** Validates a window; ValidationError before any request. @internal */
export function windowQuery(start: DateInput, end: DateInput): { startDateTime: string; endDateTime: string } {
  const startDateTime = toIsoUtc(start, 'start');
  const endDateTime = toIsoUtc(end, 'end');
  if (Date.parse(endDateTime) <= Date.parse(startDateTime)) {
    throw new ValidationError('end must be after start', { provider: 'graph', details: [{ field: 'end', description: 'after start' }] });
  }
  return { startDateTime, endDateTime };
}

/**
 * Pages of the events and expanded occurrences in a window (user-list-calendarview.md), following
 * `@odata.nextLink` verbatim with the same `Prefer` headers. Lazy: stop iterating and no more pages
 * are fetched. An empty page with a nextLink is followed (msgraph-sdk-javascript #129).
 * @public
 */
export async function* calendarViewPages(api: GraphApi, options: CalendarViewOptions): AsyncGenerator<EventPage> {
  const window = windowQuery(options.start, options.end);
  const headers = preferHeader(api, { timeZone: options.timeZone, pageSize: options.pageSize });
  const query = {
    ...window,
    ...(options.select ? { $select: options.select } : {}),
    ...(options.orderBy ? { $orderby: options.orderBy } : {}),
    ...(options.filter ? { $filter: options.filter } : {}),
  };
  const init = { headers, ...(options.signal ? { signal: options.signal } : {}) };
  let page: ODataPage<GraphEvent> = options.calendarId
    ? await unwrap(api, api.client.GET('/users/{user-id}/calendars/{calendar-id}/calendarView', { params: { path: { ...userPath(api), 'calendar-id': options.calendarId }, query }, ...init }))
    : await unwrap(api, api.client.GET('/users/{user-id}/calendarView', { params: { path: userPath(api), query }, ...init }));
  const seen = new Set<string>();
  for (;;) {
    const next = page['@odata.nextLink'] ?? undefined;
    yield { items: page.value ?? [], ...(next ? { nextLink: next } : {}) };
    if (!next) return;
    if (seen.has(next)) throw new ProtocolError('Graph returned the same nextLink twice', { provider: 'graph' });
    seen.add(next);
    page = await followLink<ODataPage<GraphEvent>>(api, next, headers, options.signal);
  }
}

/** Every event/occurrence in a window, lazily across pages. @public */
export async function* calendarView(api: GraphApi, options: CalendarViewOptions): AsyncGenerator<GraphEvent> {
  for await (const page of calendarViewPages(api, options)) yield* page.items;
}

/** Collects {@link calendarView} into an array (optionally at most `limit` items). @public */
export async function listCalendarView(api: GraphApi, options: CalendarViewOptions & { limit?: number }): Promise<GraphEvent[]> {
  const out: GraphEvent[] = [];
  for await (const ev of calendarView(api, options)) {
    out.push(ev);
    if (options.limit !== undefined && out.length >= options.limit) break;
  }
  return out;
}

/** Occurrences and exceptions of a series in a window (event-list-instances.md). @public */
export async function listInstances(api: GraphApi, seriesMasterId: string, options: { start: DateInput; end: DateInput; select?: string[]; timeZone?: string }): Promise<GraphEvent[]> {
  if (typeof seriesMasterId !== 'string' || !seriesMasterId) throw new ValidationError('seriesMasterId is required', { provider: 'graph', details: [{ field: 'seriesMasterId', description: 'non-empty string' }] });
  const headers = preferHeader(api, { timeZone: options.timeZone });
  let page: ODataPage<GraphEvent> = await unwrap(api, api.client.GET('/users/{user-id}/events/{event-id}/instances', {
    params: { path: { ...userPath(api), 'event-id': seriesMasterId }, query: { ...windowQuery(options.start, options.end), ...(options.select ? { $select: options.select } : {}) } },
    headers,
  }));
  const out = [...(page.value ?? [])];
  while (page['@odata.nextLink']) {
    page = await followLink(api, page['@odata.nextLink'], headers);
    out.push(...(page.value ?? []));
  }
  return out;
}
