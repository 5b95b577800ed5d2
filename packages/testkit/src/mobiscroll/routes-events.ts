import { SimHttpError } from '../sim/sim-http-error.js';
import type { SimContext, SimServer } from '../sim/types.js';
import { eventKey, PROVIDERS, type MsState, type MsUser } from './state.js';
import type { MsEvent, MsProvider } from './types.js';
import { listEvents, toWire, type ListedEvent } from './events-view.js';
import { formatUntil, occurrenceIndex, parseUntil } from './recurrence.js';
import { plainError, requireStrings, scopeDenied, validationError } from './wire-errors.js';

/** What the event routes need from the simulator. @internal */
export interface EventRoutesDeps {
  state: MsState;
  /** Authenticated user + scope (throws 401 / 429). */
  auth(ctx: SimContext): { user: MsUser; scope: string };
  /** Called after every API write (echo suppression keeps webhooks quiet for API-originated changes). */
  changed(user: MsUser, provider: MsProvider, calendarId: string, events: Record<string, unknown>[], changeType: 'created' | 'updated' | 'deleted', origin: 'api'): void;
  writeShape(): 'root' | 'wrapped';
}

const WRITABLE = ['title', 'description', 'location', 'allDay', 'custom', 'conference', 'conferenceData', 'availability', 'privacy', 'status', 'recurrence'] as const;
const DEFAULT_PAGE = 250;
const MAX_PAGE = 1000;

function monthBounds(now = new Date()): [number, number] {
  return [Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1), Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0, 23, 59, 59)];
}

function parseTime(v: string | null, fallback: number, field: string): number {
  if (v === null || v === '') return fallback;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw validationError(`Invalid ${field}`, { [field]: ['must be an ISO 8601 date'] });
  return t;
}

/** @internal */
export function mountEventRoutes(sim: SimServer, deps: EventRoutesDeps): void {
  // List cache: paging through 20,000 events must not re-sort them for every page.
  const cache = new Map<string, { version: number; items: ListedEvent[] }>();

  sim.route('GET', '/api/events', (ctx) => {
    const { user, scope } = deps.auth(ctx);
    const q = ctx.query;
    const [defFrom, defTo] = monthBounds();
    const from = parseTime(q.get('start'), defFrom, 'start');
    const to = parseTime(q.get('end'), defTo, 'end');
    const pageSize = Math.min(MAX_PAGE, Math.max(1, Number(q.get('pageSize') ?? DEFAULT_PAGE) || DEFAULT_PAGE));
    let calendarIds: Partial<Record<MsProvider, string[]>> | undefined;
    const rawIds = q.get('calendarIds');
    if (rawIds) {
      try {
        const parsed: unknown = JSON.parse(rawIds);
        // Legacy format (pre Feb-2026): a plain array of ids, any provider.
        calendarIds = Array.isArray(parsed)
          ? Object.fromEntries(PROVIDERS.map((p) => [p, parsed.map(String)]))
          : (parsed as Partial<Record<MsProvider, string[]>>);
      } catch {
        throw validationError('Invalid calendarIds', { calendarIds: ['must be a JSON object keyed by provider'] });
      }
    }
    const singleEvents = q.get('singleEvents') !== 'false';
    let offset = 0;
    const token = q.get('nextPageToken');
    const cacheKey = JSON.stringify([user.id, from, to, calendarIds, singleEvents, scope === 'free-busy']);
    if (token) {
      try {
        const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o: number; k: string };
        if (typeof t.o !== 'number' || t.k !== cacheKey) throw new Error('mismatch');
        offset = t.o;
      } catch {
        throw plainError(400, 'Invalid nextPageToken');
      }
    }
    let entry = cache.get(cacheKey);
    if (!entry || entry.version !== deps.state.version) {
      entry = { version: deps.state.version, items: listEvents(user, { from, to, ...(calendarIds ? { calendarIds } : {}), singleEvents, freeBusy: scope === 'free-busy' }) };
      cache.clear();
      cache.set(cacheKey, entry);
    }
    const slice = entry.items.slice(offset, offset + pageSize);
    const body: Record<string, unknown> = { events: slice.map((e) => e.wire), pageSize };
    if (offset + pageSize < entry.items.length) {
      body.nextPageToken = Buffer.from(JSON.stringify({ o: offset + pageSize, k: cacheKey })).toString('base64url');
    }
    return { body };
  });

  function requireWrite(scope: string): void {
    if (scope !== 'read-write') throw scopeDenied();
  }

  function calendarOf(user: MsUser, provider: unknown, calendarId: unknown) {
    if (!PROVIDERS.includes(provider as MsProvider)) throw validationError('Unsupported provider', { provider: ['must be google, microsoft, apple or caldav'] });
    const cal = user.calendars.find((c) => c.provider === provider && c.id === calendarId);
    if (!cal) throw plainError(404, 'Calendar not found');
    return cal;
  }

  function writeResult(e: MsEvent): { body: Record<string, unknown> } {
    const wire = toWire(e);
    return { body: deps.writeShape() === 'wrapped' ? { success: true, event: wire } : { success: true, ...wire } };
  }

  function applyFields(target: Partial<MsEvent>, body: Record<string, unknown>): void {
    for (const k of WRITABLE) if (body[k] !== undefined) (target as Record<string, unknown>)[k] = body[k];
    for (const k of ['start', 'end'] as const) {
      if (body[k] !== undefined) {
        const t = Date.parse(String(body[k]));
        if (Number.isNaN(t)) throw validationError(`Invalid ${k}`, { [k]: ['must be an ISO 8601 date'] });
        target[k] = body.allDay || target.allDay ? String(body[k]) : new Date(t).toISOString();
      }
    }
    if (Array.isArray(body.attendees)) {
      // Input is e-mails; output objects (reference §3.3/3.4).
      target.attendees = body.attendees.map((email) => ({ email: String(email), status: 'none' }));
    }
    const r = body.recurrence as MsEvent['recurrence'] | undefined;
    if (r && (r.count !== undefined && r.until !== undefined)) throw validationError('count and until are mutually exclusive', { recurrence: ['count and until are mutually exclusive'] });
    target.lastModified = new Date().toISOString();
  }

  sim.route('POST', '/api/event', (ctx) => {
    const { user, scope } = deps.auth(ctx);
    requireWrite(scope);
    const body = ctx.json<Record<string, unknown>>();
    requireStrings(body, ['provider', 'calendarId', 'title', 'start', 'end']);
    const cal = calendarOf(user, body.provider, body.calendarId);
    const e: MsEvent = {
      provider: cal.provider, id: deps.state.nextId('evt_'), calendarId: cal.id, title: '', start: '', end: '', allDay: false, lastModified: '',
    };
    applyFields(e, body);
    if (Date.parse(e.end) < Date.parse(e.start)) throw validationError('end must not be before start', { end: ['must not be before start'] });
    user.events.set(eventKey(e.provider, e.calendarId, e.id), e);
    deps.state.version++;
    deps.changed(user, e.provider, e.calendarId, [toWire(e)], 'created', 'api');
    return writeResult(e);
  });

  /** Finds the target: a plain event / series master by id, or an instance of `recurringEventId`. */
  function target(user: MsUser, body: Record<string, unknown>) {
    const cal = calendarOf(user, body.provider, body.calendarId);
    const direct = user.events.get(eventKey(cal.provider, cal.id, String(body.eventId)));
    if (direct) return { cal, event: direct, instanceStart: undefined };
    const seriesId = typeof body.recurringEventId === 'string' ? body.recurringEventId : String(body.eventId).replace(/_\d{8}T\d{6}Z$/, '');
    const series = user.events.get(eventKey(cal.provider, cal.id, seriesId));
    const m = /_(\d{8}T\d{6}Z)$/.exec(String(body.eventId));
    if (!series?.recurrence || !m) throw new SimHttpError(404, { message: 'Event not found', code: 'not_found' });
    const instanceStart = parseUntil(m[1]!);
    if (occurrenceIndex(series, instanceStart) < 0 || series.exceptions?.[new Date(instanceStart).toISOString()] === null) {
      throw new SimHttpError(404, { message: 'Event not found', code: 'not_found' });
    }
    return { cal, event: series, instanceStart };
  }

  /** Ends `series` just before `at`; returns the remaining COUNT for a follow-up series. */
  function truncate(series: MsEvent, at: number): number | undefined {
    const r = series.recurrence!;
    const idx = occurrenceIndex(series, at);
    const remaining = r.count !== undefined ? r.count - idx : undefined;
    if (r.count !== undefined) r.count = idx;
    else r.until = formatUntil(at - 1000);
    return remaining;
  }

  sim.route('PUT', '/api/event', (ctx) => {
    const { user, scope } = deps.auth(ctx);
    requireWrite(scope);
    const body = ctx.json<Record<string, unknown>>();
    requireStrings(body, ['provider', 'calendarId', 'eventId']);
    const mode = body.updateMode ?? 'this';
    if (!['this', 'following', 'all'].includes(String(mode))) throw validationError('Invalid updateMode', { updateMode: ['this, following or all'] });
    const { cal, event, instanceStart } = target(user, body);
    let result: MsEvent;
    if (instanceStart === undefined || mode === 'all') {
      applyFields(event, body);
      result = event;
    } else if (mode === 'this') {
      const key = new Date(instanceStart).toISOString();
      event.exceptions ??= {};
      const ex: Partial<MsEvent> = { ...(event.exceptions[key] ?? {}) };
      applyFields(ex, body);
      event.exceptions[key] = ex;
      const duration = Date.parse(event.end) - Date.parse(event.start);
      const { recurrence: _r, exceptions: _e, ...base } = event;
      result = { ...base, id: `${event.id}_${formatUntil(instanceStart)}`, start: key, end: new Date(instanceStart + duration).toISOString(), ...ex };
      (result as MsEvent & { recurringEventId?: string }).recurringEventId = event.id;
    } else {
      // following: end the old series before this instance, start a new one here with the patch.
      const duration = Date.parse(event.end) - Date.parse(event.start);
      const remaining = truncate(event, instanceStart);
      const { exceptions: _e, ...base } = event;
      const next: MsEvent = {
        ...base,
        id: deps.state.nextId('evt_'),
        start: new Date(instanceStart).toISOString(),
        end: new Date(instanceStart + duration).toISOString(),
        recurrence: { ...event.recurrence!, ...(remaining === undefined ? {} : { count: remaining }) },
      };
      if (remaining === undefined) delete next.recurrence!.count;
      if (remaining === undefined && base.recurrence?.until) next.recurrence!.until = base.recurrence.until;
      applyFields(next, body);
      user.events.set(eventKey(cal.provider, cal.id, next.id), next);
      result = next;
    }
    deps.state.version++;
    deps.changed(user, cal.provider, cal.id, [toWire(result)], 'updated', 'api');
    return writeResult(result);
  });

  sim.route('DELETE', '/api/event', (ctx) => {
    const { user, scope } = deps.auth(ctx);
    requireWrite(scope);
    // The SDKs send query parameters, the docs/Postman a JSON body (reference §3.6): accept both.
    const body: Record<string, unknown> = Object.fromEntries(ctx.query);
    if (ctx.body.trim()) Object.assign(body, ctx.json<Record<string, unknown>>());
    requireStrings(body, ['provider', 'calendarId', 'eventId']);
    const mode = body.deleteMode ?? 'all';
    if (!['this', 'following', 'all'].includes(String(mode))) throw validationError('Invalid deleteMode', { deleteMode: ['this, following or all'] });
    const { cal, event, instanceStart } = target(user, body);
    if (instanceStart === undefined || mode === 'all') {
      user.events.delete(eventKey(cal.provider, cal.id, event.id));
    } else if (mode === 'this') {
      event.exceptions ??= {};
      event.exceptions[new Date(instanceStart).toISOString()] = null; // cancelled exception
    } else {
      truncate(event, instanceStart);
    }
    deps.state.version++;
    deps.changed(user, cal.provider, cal.id, [{ id: String(body.eventId), provider: cal.provider, calendarId: cal.id }], 'deleted', 'api');
    return { body: { success: true, message: 'Event deleted successfully' } };
  });
}
