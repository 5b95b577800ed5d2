import type { SimResult } from '../sim/types.js';
import { graphError } from './graph-errors.js';
import { orderEvents, pageSize, presentEvent, preferredZone, requireEvent } from './present.js';
import { expand } from './recurrence.js';
import { jsonBody, type GraphReq, type GraphRouter } from './router.js';
import { eventBounds, newId, type GraphState, type Mailbox, type StoredEvent } from './state.js';
import { parseWindowBound } from './time-zones.js';

/** Fields the server owns: a client's copy is ignored on create/update. */
const READ_ONLY = new Set(['id', 'changeKey', 'createdDateTime', 'lastModifiedDateTime', '@odata.etag', 'iCalUId', 'webLink', 'type', 'seriesMasterId']);

/** Creates an event in `calendarId` (event-create docs); returns the stored record. */
export function createEvent(state: GraphState, box: Mailbox, calendarId: string, body: Record<string, unknown>): StoredEvent {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw graphError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
  // Posting `{event: …}` instead of the event object is a classic mistake (msgraph-sdk-javascript #212).
  if ('event' in body) throw graphError(400, 'BadRequest', "The property 'event' does not exist on type 'microsoft.graph.event'.");
  const { start, end } = eventBounds(body);
  if (body['start'] !== undefined && Number.isNaN(start)) throw graphError(400, 'ErrorInvalidRequest', 'Your request can\'t be completed. The start time is invalid.');
  if (end < start) throw graphError(400, 'ErrorInvalidRequest', 'The end time of the event must be after the start time.');
  const now = new Date().toISOString();
  const id = newId();
  const data: Record<string, unknown> & { id: string } = {
    id,
    createdDateTime: now,
    lastModifiedDateTime: now,
    changeKey: newId('ck'),
    subject: '',
    isAllDay: false,
    isCancelled: false,
    isOrganizer: true,
    showAs: 'busy',
    importance: 'normal',
    sensitivity: 'normal',
    type: body['recurrence'] ? 'seriesMaster' : 'singleInstance',
    iCalUId: `040000008200E00074C5B7101A82E008${id}`,
    organizer: { emailAddress: { name: box.user.displayName, address: box.user.mail } },
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    attendees: [],
    recurrence: null,
    hasAttachments: false,
  };
  for (const [k, v] of Object.entries(body)) if (!READ_ONLY.has(k)) data[k] = v;
  const ev: StoredEvent = { calendarId, seq: state.nextSeq(), data, attachments: new Map() };
  box.events.set(id, ev);
  return ev;
}

/** Removes an event, leaving a tombstone for delta. */
export function deleteEvent(state: GraphState, box: Mailbox, ev: StoredEvent): void {
  box.events.delete(ev.data.id);
  const { start, end } = eventBounds(ev.data);
  box.tombstones.push({ id: ev.data.id, calendarId: ev.calendarId, seq: state.nextSeq(), start, end });
}

/** Marks an event changed (new changeKey, delta seq). */
export function touch(state: GraphState, ev: StoredEvent): void {
  ev.seq = state.nextSeq();
  ev.data['changeKey'] = newId('ck');
  ev.data['lastModifiedDateTime'] = new Date().toISOString();
}

/** Rows of a calendarView window: singles overlapping it plus expanded occurrences of series. */
export function viewRows(box: Mailbox, from: number, to: number, calendarId?: string) {
  const rows: { ev: StoredEvent; start: number; end: number; data: Record<string, unknown>; occ?: { id: string; type: string } }[] = [];
  for (const ev of box.events.values()) {
    if (calendarId && ev.calendarId !== calendarId) continue;
    if (ev.data['recurrence']) {
      for (const o of expand(ev, from, to)) rows.push({ ev, start: o.start, end: o.end, data: ev.data, occ: { id: o.id, type: o.type } });
      continue;
    }
    const { start, end } = eventBounds(ev.data);
    // user-list-calendarview.md: events that overlap the window (an instant event on the start bound counts)
    if (start < to && (end > from || start === from)) rows.push({ ev, start, end, data: ev.data });
  }
  return rows;
}

function windowOf(req: GraphReq): { from: number; to: number } {
  const from = parseWindowBound(req.query.get('startDateTime'));
  const to = parseWindowBound(req.query.get('endDateTime'));
  if (Number.isNaN(from) || Number.isNaN(to)) {
    throw graphError(400, 'ErrorInvalidParameter', "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
  }
  return { from, to };
}

/** A page of a list with `$skip`-based `@odata.nextLink` (paging.md: clients must follow it verbatim). */
function paged<T>(req: GraphReq, items: T[], present: (item: T) => Record<string, unknown> = (i) => i as Record<string, unknown>): SimResult {
  const { size, applied } = pageSize(req);
  const skip = Number(req.query.get('$skip') ?? 0) || 0;
  // present only the page: formatting every row of a 10,000-event view per page would be quadratic
  const page = items.slice(skip, skip + size).map(present);
  const body: Record<string, unknown> = { '@odata.context': `${req.apiBase}/$metadata#Collection(microsoft.graph.event)`, value: page };
  if (skip + size < items.length) {
    const next = new URL(`${req.apiBase}${req.path}`);
    req.query.forEach((v, k) => next.searchParams.set(k, v));
    next.searchParams.set('$skip', String(skip + size));
    body['@odata.nextLink'] = next.toString();
  }
  return { body, ...(applied ? { headers: { 'preference-applied': applied } } : {}) };
}

/** events CRUD, calendarView, instances (event-*.md, user-list-calendarview.md, event-list-instances.md). */
export function eventRoutes(router: GraphRouter, state: GraphState): void {
  const listEvents = (req: GraphReq, box: Mailbox, calendarId?: string): SimResult => {
    const zone = preferredZone(req);
    const rows = [...box.events.values()]
      .filter((ev) => !calendarId || ev.calendarId === calendarId)
      .map((ev) => ({ ev, data: ev.data, ...eventBounds(ev.data) }));
    return paged(req, orderEvents(req, rows), (r) => presentEvent(req, r.ev, zone));
  };
  // Pages of one view share its sorted rows until anything changes (state.seq), so serving page k of a
  // 10,000-event view does not re-expand and re-sort the whole mailbox.
  let cache: { key: string; rows: ReturnType<typeof viewRows> } | undefined;
  const calendarView = (req: GraphReq, box: Mailbox, calendarId?: string): SimResult => {
    const { from, to } = windowOf(req);
    const zone = preferredZone(req);
    const key = [box.user.id, calendarId, from, to, req.query.get('$orderby'), state.seq].join('|');
    if (cache?.key !== key) cache = { key, rows: orderEvents(req, viewRows(box, from, to, calendarId)) };
    const rows = cache.rows;
    return paged(req, rows, (r) => presentEvent(req, r.ev, zone, r.occ ? { ...r.occ, start: r.start, end: r.end } : undefined));
  };
  const requireCal = (box: Mailbox, id: string) => {
    if (!box.calendars.has(id)) throw graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return id;
  };

  router.on('GET', 'events', (req, box) => listEvents(req, box));
  router.on('GET', 'calendar/events', (req, box) => listEvents(req, box, box.defaultCalendarId));
  router.on('GET', 'calendars/:cal/events', (req, box, p) => listEvents(req, box, requireCal(box, p['cal'] as string)));
  const create = (req: GraphReq, box: Mailbox, cal: string) => ({ status: 201, body: presentEvent(req, createEvent(state, box, cal, jsonBody(req))) });
  router.on('POST', 'events', (req, box) => create(req, box, box.defaultCalendarId));
  router.on('POST', 'calendar/events', (req, box) => create(req, box, box.defaultCalendarId));
  router.on('POST', 'calendars/:cal/events', (req, box, p) => create(req, box, requireCal(box, p['cal'] as string)));
  router.on('GET', 'events/:id', (req, box, p) => ({ body: presentEvent(req, requireEvent(box, p['id'] as string)) }));
  router.on('PATCH', 'events/:id', (req, box, p) => {
    const ev = requireEvent(box, p['id'] as string);
    const body = jsonBody(req);
    if (!body || typeof body !== 'object') throw graphError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
    for (const [k, v] of Object.entries(body)) if (!READ_ONLY.has(k)) ev.data[k] = v;
    if ('recurrence' in body) ev.data['type'] = body['recurrence'] ? 'seriesMaster' : 'singleInstance';
    touch(state, ev);
    return { body: presentEvent(req, ev) };
  });
  router.on('DELETE', 'events/:id', (req, box, p) => {
    const ev = requireEvent(box, p['id'] as string);
    const ifMatch = req.headers['if-match'];
    if (ifMatch && ifMatch !== '*' && ifMatch !== `W/"${String(ev.data['changeKey'])}"`) {
      throw graphError(412, 'ErrorIrresolvableConflict', 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.');
    }
    deleteEvent(state, box, ev);
    return { status: 204 };
  });
  router.on('GET', 'calendarView', (req, box) => calendarView(req, box));
  router.on('GET', 'calendar/calendarView', (req, box) => calendarView(req, box, box.defaultCalendarId));
  router.on('GET', 'calendars/:cal/calendarView', (req, box, p) => calendarView(req, box, requireCal(box, p['cal'] as string)));
  router.on('GET', 'events/:id/instances', (req, box, p) => {
    const ev = requireEvent(box, p['id'] as string);
    const { from, to } = windowOf(req);
    const zone = preferredZone(req);
    const occ = ev.data['recurrence'] ? expand(ev, from, to) : [];
    return paged(req, occ, (o) => presentEvent(req, ev, zone, o));
  });
}
