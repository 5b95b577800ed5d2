// Calendar methods a typical app does not call, loaded on first use (see on-demand.ts). Only type
// imports here: the eager helpers arrive as `k`.
import type { BusyPeriod, Calendar, TimeRange } from './calendar.js';
import type { CalendarObject } from './calendar-object.js';
import { freeBusyQuery, calendarSetProps, setBody } from './dav/write-bodies.js';
import type { Kit } from './on-demand.js';
import { busyPeriods } from './scheduling.js';
import type { DavTransport } from './transport.js';

/** `Calendar.todos`. */
export async function todos(k: Kit, cal: Calendar, dav: DavTransport, includeCompleted?: boolean): Promise<CalendarObject[]> {
  const all = await k.query(dav, cal.url, k.calendarQuery({ component: 'VTODO' }));
  if (includeCompleted) return all;
  return all.filter((o) => {
    const it = o.item;
    if (!it) return false;
    const status = k.getProperty(it, 'STATUS')?.value.toUpperCase();
    return status !== 'COMPLETED' && status !== 'CANCELLED' && !k.getProperty(it, 'COMPLETED');
  });
}

/** `Calendar.objects`: PROPFIND Depth 1 for the members, then calendar-multiget in batches. */
export async function objects(k: Kit, cal: Calendar, dav: DavTransport, batchSize = 100): Promise<CalendarObject[]> {
  const ms = await dav.multistatus('PROPFIND', cal.url, { body: k.propfind([[k.DAV, 'getetag'], [k.DAV, 'resourcetype']]), depth: '1' });
  const self = k.pathKey(cal.url);
  const hrefs = ms.responses.filter((r) => k.pathKey(r.href) !== self && !k.child(k.prop(r, k.DAV, 'resourcetype'), k.DAV, 'collection') && r.propstats.some((p) => p.status === 200)).map((r) => r.href);
  return (await k.multiget(cal, dav, hrefs, batchSize)).objects;
}

/** `Calendar.objectByUid`: calendar-query text-match on UID for each component type. */
export async function objectByUid(k: Kit, cal: Calendar, dav: DavTransport, uid: string): Promise<CalendarObject> {
  for (const component of ['VEVENT', 'VTODO', 'VJOURNAL'] as const) {
    const found = await k.query(dav, cal.url, k.calendarQuery({ component, textMatch: { prop: 'UID', text: uid } }));
    const exact = found.find((o) => o.uid === uid);
    if (exact) return exact;
  }
  throw new k.NotFoundError(`No object with UID ${uid}`, { provider: 'caldav', url: cal.url });
}

/** `Calendar.syncToken`: PROPFIND DAV:sync-token (RFC 6578 §4). */
export async function syncToken(k: Kit, cal: Calendar, dav: DavTransport): Promise<string> {
  const ms = await dav.multistatus('PROPFIND', cal.url, { body: k.propfind([[k.DAV, 'sync-token']]), depth: '0' });
  const tok = ms.responses.map((r) => k.propText(r, k.DAV, 'sync-token')).find(Boolean);
  if (!tok) throw k.unsupported('sync-collection (RFC 6578)', cal.url);
  cal.lastSyncToken = tok;
  return tok;
}

/** `Calendar.freeBusy` (see there for why the client computes it by default). */
export async function freeBusy(k: Kit, cal: Calendar, dav: DavTransport, options: TimeRange & { source?: 'client' | 'server' }): Promise<BusyPeriod[]> {
  const { start, end } = k.checkRange(options, 'freeBusy');
  if (options.source === 'server') return serverFreeBusy(k, cal, dav, start, end);
  const periods: BusyPeriod[] = [];
  for (const o of await cal.events({ start, end, expand: true })) {
    const it = o.item;
    if (!it) continue;
    if (k.getProperty(it, 'TRANSP')?.value.toUpperCase() === 'TRANSPARENT') continue;
    const status = k.getProperty(it, 'STATUS')?.value.toUpperCase();
    if (status === 'CANCELLED') continue;
    const s = new Date(Math.max(o.occurrence!.start.getTime(), start.getTime()));
    const e = new Date(Math.min(o.occurrence!.end.getTime(), end.getTime()));
    if (e > s) periods.push({ start: s, end: e, type: status === 'TENTATIVE' ? 'BUSY-TENTATIVE' : 'BUSY' });
  }
  return periods.sort((a, b) => a.start.getTime() - b.start.getTime());
}

async function serverFreeBusy(k: Kit, cal: Calendar, dav: DavTransport, start: Date, end: Date): Promise<BusyPeriod[]> {
  const reply = await dav.send('REPORT', cal.url, { body: freeBusyQuery(k, start, end), depth: '1' });
  const s = reply.status;
  if (s === 207 || s === 403 || s === 405 || s === 501 || !/BEGIN:VFREEBUSY/i.test(reply.text)) {
    // Radicale answers 207 (a plain multistatus), others 403/405/501: no free-busy-query support.
    if ((s >= 200 && s < 300) || s === 403 || s === 405 || s === 501) throw k.unsupported('free-busy-query (RFC 4791 §7.10)', cal.url);
    throw await dav.error(reply, 'REPORT');
  }
  try {
    return busyPeriods(k, k.parseICalendar(reply.text));
  } catch (cause) {
    throw new k.ProtocolError('free-busy answer is not iCalendar', { provider: 'caldav', url: cal.url, cause });
  }
}

/** `Calendar.update`: PROPPATCH (RFC 4918 §9.2); a rejected property is a ProtocolError. */
export async function update(k: Kit, cal: Calendar, dav: DavTransport, changes: { displayName?: string; color?: string; description?: string }): Promise<void> {
  const props = calendarSetProps(k, changes ?? {});
  if (!props.length) throw k.bad('update', 'changes', 'required', 'Nothing to update');
  const ms = await dav.multistatus('PROPPATCH', cal.url, { body: setBody(k, 'd:propertyupdate', props) });
  const failed = ms.responses.flatMap((r) => r.propstats.filter((p) => p.status < 200 || p.status > 299));
  if (failed.length)
    throw new k.ProtocolError(`PROPPATCH rejected: ${failed.map((f) => `${f.prop?.children.map((c) => c.local).join(',')} → ${f.status}`).join('; ')}`, { provider: 'caldav', method: 'PROPPATCH', url: cal.url });
  if (changes.displayName !== undefined) cal.displayName = changes.displayName;
  if (changes.color !== undefined) cal.color = changes.color;
  if (changes.description !== undefined) cal.description = changes.description;
}

/** `Calendar.delete`. */
export async function deleteCalendar(_k: Kit, cal: Calendar, dav: DavTransport): Promise<void> {
  const reply = await dav.send('DELETE', cal.url, { idempotent: false });
  // A 207 to DELETE reports members that could not be removed (RFC 4918 §9.6.1).
  if (reply.status === 207 || reply.status < 200 || reply.status > 299) throw await dav.writeError(reply, 'DELETE', 'Deleting the calendar');
}


/**
 * A calendar by URL without discovery (PROPFIND Depth 0): `client.calendar(url)` and
 * `principal.calendar({ url })`. Not a calendar: ValidationError for the client (a bad argument),
 * NotFoundError for the principal (nothing by that URL in the home).
 */
export async function calendarAt(k: Kit, dav: DavTransport, href: string, base: string, notFound: boolean): Promise<Calendar> {
  let url: string;
  try {
    url = k.asCollection(new URL(href, base).href);
  } catch {
    throw k.bad('calendar', 'url', 'invalid', 'url must be a URL or a path');
  }
  const ms = await dav.multistatus('PROPFIND', url, { body: k.propfind(k.CALENDAR_PROPS), depth: '0' });
  const r = ms.responses.find((x) => k.pathKey(x.href) === k.pathKey(url)) ?? ms.responses[0];
  const cal = r && k.Calendar.fromResponse(dav, r);
  if (cal) return cal;
  throw notFound ? new k.NotFoundError(`${url} is not a calendar`, { provider: 'caldav', url }) : k.bad('calendar', 'url', 'invalid', `${url} is not a calendar collection`);
}

/** `CalendarObject.delete` of a whole resource: DELETE with If-Match (a 412 is a ConflictError). */
export async function deleteObject(k: Kit, obj: CalendarObject, dav: DavTransport): Promise<void> {
  const reply = await dav.send('DELETE', obj.url, { ...(obj.etag ? { headers: { 'if-match': obj.etag } } : {}), idempotent: false });
  if (reply.status === 404) throw new k.NotFoundError('The calendar object no longer exists', { provider: 'caldav', method: 'DELETE', url: obj.url, status: 404 });
  if (reply.status === 207 || reply.status < 200 || reply.status > 299) throw await dav.writeError(reply, 'DELETE', 'Deleting the calendar object');
}

/**
 * `Calendar.object`: GET one resource. Also the rare fallback of calendar-multiget for Xandikos
 * members without `.ics`, which come without calendar-data (servers.md §B.2).
 */
export async function object(k: Kit, cal: Calendar, dav: DavTransport, url: string): Promise<CalendarObject> {
  let abs: string;
  try {
    abs = new URL(url, cal.url).href;
  } catch {
    throw k.bad('object', 'url', 'invalid', 'url must be a URL or a path');
  }
  const reply = await dav.send('GET', abs, { headers: { accept: 'text/calendar, */*;q=0.5' } });
  if (reply.status < 200 || reply.status > 299) throw await dav.error(reply, 'GET');
  const ctype = reply.headers.get('content-type') ?? '';
  if (!/calendar/i.test(ctype) && !/^\s*BEGIN:VCALENDAR/i.test(reply.text))
    throw new k.ProtocolError(`Expected text/calendar, got ${ctype || 'no content type'}`, { provider: 'caldav', method: 'GET', url: abs, status: reply.status, body: reply.text.slice(0, 512) });
  const obj = new k.CalendarObject(dav, abs, reply.headers.get('etag') ?? undefined, reply.text);
  obj.scheduleTag = reply.headers.get('schedule-tag') ?? undefined;
  return obj;
}
