import { NotFoundError, ProtocolError } from '@cal/core';
import { bad } from './errors.js';
import { child, children } from '@cal/core/xml';
import {
  buildEvent,
  buildTodo,
  expandRecurrences,
  getProperty,
  serializeICalendar,
  type EventInput,
  type ICalComponent,
  type TodoInput,
} from '@cal/ical';
import { CalendarObject } from './calendar-object.js';
import * as bodies from './dav/bodies.js';
import { asCollection, pathKey, resourceName } from './dav/href.js';
import { parseMultistatus, prop, propText, type DavResponse, type Multistatus } from './dav/multistatus.js';
import { APPLE, CALDAV, CS, DAV } from './dav/namespaces.js';
import { later } from './on-demand.js';
import type { DavTransport } from './transport.js';
import { validateCalendarData } from './validate.js';

/** A time range; `Date` or ISO 8601 strings. @public */
export interface TimeRange {
  start: Date | string;
  end: Date | string;
}

/** Options of {@link Calendar.events}. @public */
export interface EventsOptions extends TimeRange {
  /**
   * One object per occurrence, expanded on the client (RRULE, RDATE, EXDATE, overrides, TZIDs),
   * so the result is the same on every server: Radicale ignores CalDAV `expand` and Xandikos
   * gets it wrong (servers.md §A.3, §B.2).
   */
  expand?: boolean;
}

/** Result of {@link Calendar.changesSince}. @public */
export interface SyncResult {
  /** Created or modified objects, loaded (data + ETag). */
  changed: CalendarObject[];
  /** URLs of removed objects. */
  deleted: string[];
  /** Token to pass next time. */
  syncToken: string;
  /**
   * The server rejected the token (403/409 `valid-sync-token`, or 500 on Xandikos) and the client
   * fell back to a full listing: `changed` holds every object, `deleted` is empty, and the caller
   * should replace its cache rather than merge.
   */
  fullResync: boolean;
  /** Requests this sync made (sync-collection pages + multigets). */
  requests: number;
}

/** A busy period from {@link Calendar.freeBusy}. @public */
export interface BusyPeriod {
  start: Date;
  end: Date;
  /** `BUSY`, `BUSY-TENTATIVE`… */
  type: string;
}

/** Options of {@link Calendar.changesSince}. @public */
export interface ChangesOptions {
  /** Hrefs per calendar-multiget (default 100). */
  batchSize?: number;
}

function toDateStrict(v: Date | string | undefined, field: string, op: string): Date {
  const d = v instanceof Date ? v : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? new Date(v) : undefined;
  if (!d || Number.isNaN(d.getTime()))
    throw bad(op, field, 'invalid', `${field} must be a Date or an ISO 8601 string`);
  return d;
}

/** Validates a range before any request: both dates valid and end after start. */
export function checkRange(r: Partial<TimeRange> | undefined, op: string): { start: Date; end: Date } {
  if (!r || typeof r !== 'object') throw bad(op, 'range', 'required', 'A { start, end } range is required');
  const start = toDateStrict(r.start, 'start', op);
  const end = toDateStrict(r.end, 'end', op);
  if (end.getTime() <= start.getTime())
    throw bad(op, 'end', 'end_before_start', 'end must be after start');
  return { start, end };
}

/** Reads the `calendar-data` + `getetag` of query/multiget responses into objects. */
export function objectsFrom(dav: DavTransport, ms: Multistatus, selfUrl?: string): CalendarObject[] {
  const out: CalendarObject[] = [];
  const self = selfUrl ? pathKey(selfUrl) : undefined;
  for (const r of ms.responses) {
    if (self && pathKey(r.href) === self) continue; // iCloud lists the collection itself (caldav-jmap.md §6)
    const data = prop(r, CALDAV, 'calendar-data');
    if (!data) continue;
    out.push(new CalendarObject(dav, r.href, propText(r, DAV, 'getetag'), data.text));
  }
  return out;
}

/**
 * A calendar collection (RFC 4791 §4.2).
 * @public
 */
export class Calendar {
  /** Absolute collection URL (ends in `/`). */
  readonly url: string;
  displayName: string | undefined;
  /** Apple `calendar-color`, e.g. `#FF0000FF`. */
  color: string | undefined;
  description: string | undefined;
  /** supported-calendar-component-set (`VEVENT`, `VTODO`…); empty when the server does not say (all allowed, RFC 4791 §5.2.3). */
  components: string[];
  /** CalendarServer `getctag`. */
  ctag: string | undefined;
  /**
   * RFC 6578 sync token as last seen (calendar listing, `syncToken()` or `changesSince()`).
   * A property named `syncToken` would clash with the `syncToken()` method of the fixed API.
   */
  lastSyncToken: string | undefined;
  readonly #dav: DavTransport;

  /** @internal */
  constructor(dav: DavTransport, url: string, props: Partial<Pick<Calendar, 'displayName' | 'color' | 'description' | 'components' | 'ctag' | 'lastSyncToken'>> = {}) {
    this.#dav = dav;
    Object.assign(this, props);
    this.url = asCollection(url);
    this.components = props.components ?? [];
  }

  /** @internal Builds a Calendar from a PROPFIND response, or undefined when it is not a calendar. */
  static fromResponse(dav: DavTransport, r: DavResponse): Calendar | undefined {
    const rt = prop(r, DAV, 'resourcetype');
    if (!child(rt, CALDAV, 'calendar')) return undefined;
    const comps = children(prop(r, CALDAV, 'supported-calendar-component-set'), CALDAV, 'comp').map((c) => (c.attrs['name'] ?? '').toUpperCase());
    const opt = <T>(v: T | undefined, k: string): Record<string, T> => (v === undefined || v === '' ? {} : { [k]: v });
    return new Calendar(dav, r.href, {
      ...opt(propText(r, DAV, 'displayname'), 'displayName'),
      ...opt(propText(r, APPLE, 'calendar-color'), 'color'),
      ...opt(propText(r, CALDAV, 'calendar-description'), 'description'),
      components: comps.filter(Boolean),
      ...opt(propText(r, CS, 'getctag'), 'ctag'),
      ...opt(propText(r, DAV, 'sync-token'), 'lastSyncToken'),
    });
  }

  /**
   * Events overlapping `[start, end)` (calendar-query with a time-range, RFC 4791 §7.8, one
   * request). With `expand: true`, one object per occurrence, expanded on the client; a second
   * query fetches every recurring event because Xandikos matches a series only on its first
   * instance (servers.md §B.2).
   */
  async events(options: EventsOptions): Promise<CalendarObject[]> {
    const { start, end } = checkRange(options, 'events');
    const objs = await query(this.#dav, this.url, bodies.calendarQuery({ component: 'VEVENT', start, end }));
    if (!options.expand) return objs;
    const byUrl = new Map(objs.map((o) => [pathKey(o.url), o]));
    for (const extra of [
      ...(await query(this.#dav, this.url, bodies.calendarQuery({ component: 'VEVENT', hasProperty: 'RRULE' }))),
      ...(await query(this.#dav, this.url, bodies.calendarQuery({ component: 'VEVENT', hasProperty: 'RDATE' }))),
    ]) {
      if (!byUrl.has(pathKey(extra.url))) byUrl.set(pathKey(extra.url), extra);
    }
    const out: CalendarObject[] = [];
    for (const o of byUrl.values()) {
      const cal = o.component;
      const tzs = cal.components.filter((c) => c.name === 'VTIMEZONE');
      for (const occ of await expandRecurrences(cal, { start, end })) {
        const vcal: ICalComponent = { name: 'VCALENDAR', properties: cal.properties, components: [...tzs, occ.component] };
        out.push(
          new CalendarObject(this.#dav, o.url, o.etag, serializeICalendar(vcal), {
            ...(occ.recurrenceId ? { recurrenceId: occ.recurrenceId } : {}),
            start: occ.start,
            end: occ.end,
            allDay: occ.allDay,
          }, vcal),
        );
      }
    }
    out.sort((a, b) => a.occurrence!.start.getTime() - b.occurrence!.start.getTime() || (a.uid ?? '').localeCompare(b.uid ?? ''));
    return out;
  }

  /** Todos; completed (STATUS:COMPLETED or a COMPLETED date) and cancelled ones only with `includeCompleted`. */
  async todos(options: { includeCompleted?: boolean } = {}): Promise<CalendarObject[]> {
    return later('todos', this, this.#dav, options.includeCompleted);
  }

  /**
   * Every object in the calendar, whatever its type or file name (tsdav drops hrefs without
   * `.ics`): PROPFIND Depth 1 for the members, then calendar-multiget in batches. A plain
   * calendar-query without a component type fails on Cyrus (caldav-jmap.md §1.10).
   */
  async objects(options: { batchSize?: number } = {}): Promise<CalendarObject[]> {
    return later('objects', this, this.#dav, options.batchSize);
  }

  /** Loads one object by URL (GET). NotFoundError when absent. */
  async object(url: string): Promise<CalendarObject> {
    return later('object', this, this.#dav, url);
  }

  /** Finds an object by UID (calendar-query prop-filter on UID for each component type). NotFoundError when absent. */
  async objectByUid(uid: string): Promise<CalendarObject> {
    if (typeof uid !== 'string' || !uid) throw bad('objectByUid', 'uid', 'required', 'uid must be a non-empty string');
    return later('objectByUid', this, this.#dav, uid);
  }

  /**
   * Creates an event from iCalendar text or from fields (see `EventInput` in `@cal/ical`).
   * PUT with `If-None-Match: *`, so an existing resource is never overwritten (ConflictError).
   * Invalid input is a ValidationError before any request.
   */
  async createEvent(input: string | EventInput): Promise<CalendarObject> {
    const text = typeof input === 'string' ? input : serializeICalendar(buildEvent(input));
    return this.#create(text, 'VEVENT', 'createEvent');
  }

  /** Creates a todo from iCalendar text or from fields (see `TodoInput`). */
  async createTodo(input: string | TodoInput): Promise<CalendarObject> {
    const text = typeof input === 'string' ? input : serializeICalendar(buildTodo(input));
    return this.#create(text, 'VTODO', 'createTodo');
  }

  async #create(text: string, kind: string, op: string): Promise<CalendarObject> {
    const cal = validateCalendarData(text, op);
    const it = cal.components.find((c) => c.name === 'VEVENT' || c.name === 'VTODO' || c.name === 'VJOURNAL')!;
    if (it.name !== kind)
      throw bad(op, 'data', 'invalid', `${op} expects a ${kind}, got a ${it.name}`);
    const uid = getProperty(it, 'UID')!.value;
    const obj = new CalendarObject(this.#dav, new URL(resourceName(uid), this.url).href, undefined, text, undefined, cal);
    return obj.save();
  }

  /** Current RFC 6578 sync token (PROPFIND). A ProtocolError with code CAL_CALDAV_UNSUPPORTED when the server has none. */
  async syncToken(): Promise<string> {
    return later('syncToken', this, this.#dav);
  }

  /**
   * Changes since `token` (RFC 6578 sync-collection, Depth 0), then calendar-multiget of the
   * changed hrefs in batches: 2 requests for a small change set, bytes proportional to the changes.
   * A 507 (truncated) answer is continued with the returned token until complete. Deleted
   * members (404) come back in `deleted`. A rejected token (403/409 `valid-sync-token`;
   * Xandikos answers 500, servers.md §B.2) falls back to a full listing with `fullResync: true`.
   * Without a token, the initial listing.
   */
  async changesSince(token?: string, options: ChangesOptions = {}): Promise<SyncResult> {
    if (token !== undefined && typeof token !== 'string') throw bad('changesSince', 'token', 'invalid', 'token must be a string');
    const batch = options.batchSize ?? 100;
    let fullResync = false;
    let requests = 0;
    let current = token ?? '';
    const changed = new Map<string, string>();
    const deleted = new Map<string, string>();
    const self = pathKey(this.url);
    for (let page = 0; ; page++) {
      if (page > 1000) throw new ProtocolError('sync-collection did not converge after 1000 pages', { provider: 'caldav', url: this.url });
      const reply = await this.#dav.send('REPORT', this.url, { body: bodies.syncCollection(current), depth: '0', idempotent: current === '' });
      requests++;
      if (reply.status !== 207) {
        const invalidToken = current !== '' && (reply.status === 403 || reply.status === 409 || reply.status === 500 || reply.status === 400);
        if (invalidToken && !fullResync) {
          // RFC 6578 §3.2: DAV:valid-sync-token failed → restart from an empty token (full listing).
          fullResync = true;
          current = '';
          changed.clear();
          deleted.clear();
          continue;
        }
        // 405/501: no REPORT sync-collection at all (RFC 6578 not implemented).
        throw reply.status === 405 || reply.status === 501 ? unsupported('sync-collection (RFC 6578)', this.url) : await this.#dav.error(reply, 'REPORT');
      }
      const ms = parseMultistatus(reply.text, this.url, { provider: 'caldav', method: 'REPORT', url: this.url });
      let truncated = false;
      for (const r of ms.responses) {
        const key = pathKey(r.href);
        if (key === self) {
          if (r.status === 507) truncated = true; // RFC 6578 §3.6: more changes to fetch
          continue;
        }
        if (r.status === 404) {
          changed.delete(key);
          deleted.set(key, r.href);
        } else if (r.status === undefined || (r.status >= 200 && r.status < 300)) {
          deleted.delete(key);
          changed.set(key, r.href);
        }
      }
      if (!ms.syncToken) throw new ProtocolError('sync-collection answer without a sync-token', { provider: 'caldav', url: this.url });
      current = ms.syncToken;
      if (!truncated) break;
    }
    const { objects, missing, requests: mg } = await multiget(this, this.#dav, [...changed.values()], batch);
    for (const m of missing) deleted.set(pathKey(m), m);
    this.lastSyncToken = current;
    return { changed: objects, deleted: [...deleted.values()], syncToken: current, fullResync, requests: requests + mg };
  }

  /**
   * Busy periods in `[start, end)`. `source: 'client'` (the default) expands the calendar's events
   * on the client (opaque, non-cancelled ones), which is correct on every server — Radicale has no
   * free-busy-query and Xandikos covers only a series' first instance (servers.md §A.2/§B.2).
   * `source: 'server'` sends the RFC 4791 §7.10 REPORT and throws CAL_CALDAV_UNSUPPORTED when the
   * server does not answer with a VFREEBUSY.
   */
  async freeBusy(options: TimeRange & { source?: 'client' | 'server' }): Promise<BusyPeriod[]> {
    return later('freeBusy', this, this.#dav, options);
  }

  /** Changes display name, colour or description (PROPPATCH, RFC 4918 §9.2). */
  async update(changes: { displayName?: string; color?: string; description?: string }): Promise<this> {
    await later('update', this, this.#dav, changes);
    return this;
  }

  /** Deletes the calendar and everything in it. */
  async delete(): Promise<void> {
    return later('deleteCalendar', this, this.#dav);
  }
}

/** The typed error for a feature the server does not offer: never an empty result. */
export function unsupported(feature: string, url: string): ProtocolError {
  return new ProtocolError(`The CalDAV server does not support ${feature}`, { provider: 'caldav', url, code: 'CAL_CALDAV_UNSUPPORTED', providerCode: feature });
}

/** A calendar-query REPORT on `url`, read into objects. */
export async function query(dav: DavTransport, url: string, body: string): Promise<CalendarObject[]> {
  return objectsFrom(dav, await dav.multistatus('REPORT', url, { body, depth: '1' }), url);
}

/** Loads objects by URL with calendar-multiget, `batchSize` per request; missing ones are reported. */
export async function multiget(cal: Calendar, dav: DavTransport, hrefs: string[], batchSize: number): Promise<{ objects: CalendarObject[]; missing: string[]; requests: number }> {
  const objects: CalendarObject[] = [];
  const missing: string[] = [];
  let requests = 0;
  for (let i = 0; i < hrefs.length; i += batchSize) {
    const batch = hrefs.slice(i, i + batchSize);
    const ms = await dav.multistatus('REPORT', cal.url, { body: bodies.multiget(batch), depth: '1' });
    requests++;
    objects.push(...objectsFrom(dav, ms, cal.url));
    for (const r of ms.responses) {
      if (prop(r, CALDAV, 'calendar-data')) continue;
      if (r.status === 404 || r.propstats.every((p) => p.status === 404)) missing.push(r.href);
      else if (prop(r, DAV, 'getetag')) {
        // Xandikos derives the media type from the name: a member without `.ics` exists (ETag)
        // but has no calendar-data in REPORTs. Read it with a plain GET instead of dropping it.
        try {
          objects.push(await cal.object(r.href));
          requests++;
        } catch (e) {
          if (e instanceof NotFoundError) missing.push(r.href);
          else if (!(e instanceof ProtocolError)) throw e;
        }
      }
    }
  }
  return { objects, missing, requests };
}

