import { SimHttpError, type SimContext } from '../index.js';
import type { CronofySimContext } from './context.js';
import type { SimAccount } from './state.js';
import type { SimCronofyEvent } from './types.js';
import { fieldError, id, instant, parseDateOrTime, queryArray, queryBool, unprocessable } from './wire.js';

const DAY = 86_400_000;
const PARTICIPATION = ['accepted', 'tentative', 'declined'];

interface Snapshot {
  userId: string;
  key: 'events' | 'free_busy';
  items: object[];
}

/** Read events, free/busy (paged with absolute `next_page`), upsert/delete, bulk delete, participation (reference §3.3–§3.8). @internal */
export function mountEventRoutes(c: CronofySimContext): void {
  const { api, state } = c;
  const snapshots = new Map<string, Snapshot>();
  api.onReset(() => snapshots.clear());

  /** Events selected by the read-events filters (docs read-events, event-filtering). */
  function select(ctx: SimContext, account: SimAccount, freeBusy: boolean): SimCronofyEvent[] {
    const q = ctx.query;
    const tzid = q.get('tzid');
    if (!tzid) throw fieldError('tzid', 'errors.required', 'tzid must be specified');
    const bound = (name: string, fallback: number): number => {
      const raw = q.get(name);
      if (raw === null) return fallback;
      const t = parseDateOrTime(raw);
      if (!t) throw fieldError(name, 'errors.invalid', `${name} must be a Date or a UTC Time without milliseconds`);
      return t.ms;
    };
    const now = Date.now();
    const onlyManaged = queryBool(q, 'only_managed') ?? false;
    const includeManaged = onlyManaged || (queryBool(q, 'include_managed') ?? false);
    const hasWindow = q.has('from') || q.has('to');
    // Managed events ignore the default window when none is given (docs read-events).
    const from = bound('from', now - 42 * DAY);
    const to = bound('to', now + 201 * DAY);
    const includeDeleted = !freeBusy && (queryBool(q, 'include_deleted') ?? false);
    const lastModified = q.get('last_modified');
    const modifiedSince = lastModified === null ? undefined : parseDateOrTime(lastModified)?.ms;
    if (lastModified !== null && modifiedSince === undefined) throw fieldError('last_modified', 'errors.invalid', 'last_modified must be a Time');
    queryBool(q, 'include_moved');
    queryBool(q, 'include_geo');
    const calendarIds = queryArray(q, 'calendar_ids');
    const out: SimCronofyEvent[] = [];
    for (const e of account.events.values()) {
      const managed = e.event_id !== undefined;
      if (onlyManaged && !managed) continue;
      if (managed && !includeManaged) continue;
      if (e.deleted && !includeDeleted) continue;
      if (calendarIds && !calendarIds.includes(e.calendar_id)) continue;
      if (modifiedSince !== undefined && Date.parse(e.updated) < modifiedSince) continue;
      if (!(managed && !hasWindow)) {
        // ends on/after `from`, starts before `to`
        if (instant(e.end) < from || instant(e.start) >= to) continue;
      }
      if (freeBusy && e.transparency === 'transparent') continue;
      out.push(e);
    }
    return out.sort((a, b) => instant(a.start) - instant(b.start) || a.event_uid.localeCompare(b.event_uid));
  }

  function localize(value: string | { time: string; tzid: string }, tzid: string, localized: boolean) {
    return localized && typeof value === 'string' && value.length > 10 ? { time: value, tzid } : value;
  }

  function page(snapshotId: string, n: number): object {
    const snap = snapshots.get(snapshotId);
    if (!snap) throw new SimHttpError(404, { error: 'not_found' });
    const total = Math.max(1, Math.ceil(snap.items.length / c.pageSize));
    if (n < 1 || n > total) throw new SimHttpError(404, { error: 'not_found' });
    const pages: { current: number; total: number; next_page?: string } = { current: n, total };
    const path = snap.key === 'events' ? 'events' : 'free_busy';
    if (n < total) pages.next_page = `${c.nextPageOrigin()}/v1/${path}/pages/${snapshotId}-${n + 1}`;
    return { pages, [snap.key]: snap.items.slice((n - 1) * c.pageSize, n * c.pageSize) };
  }

  function firstPage(ctx: SimContext, key: 'events' | 'free_busy'): object {
    const { account } = c.user(ctx);
    const freeBusy = key === 'free_busy';
    const localized = queryBool(ctx.query, 'localized_times') ?? false;
    const tzid = ctx.query.get('tzid') ?? 'Etc/UTC';
    const items = select(ctx, account, freeBusy).map((e) =>
      freeBusy
        ? { calendar_id: e.calendar_id, start: localize(e.start, tzid, localized), end: localize(e.end, tzid, localized), free_busy_status: e.participation_status === 'tentative' ? 'tentative' : 'busy' }
        : { ...e, start: localize(e.start, tzid, localized), end: localize(e.end, tzid, localized) },
    );
    const snapshotId = id('pg').replace(/_/g, '');
    snapshots.set(snapshotId, { userId: account.userId, key, items });
    return page(snapshotId, 1);
  }

  function nextPage(ctx: SimContext): object {
    const { account } = c.user(ctx);
    const m = /^(.+)-(\d+)$/.exec(ctx.params['page'] ?? '');
    const snap = m ? snapshots.get(m[1]!) : undefined;
    if (!m || !snap || snap.userId !== account.userId) throw new SimHttpError(404, { error: 'not_found' });
    return page(m[1]!, Number(m[2]));
  }

  api.route('GET', '/v1/events', (ctx) => ({ body: firstPage(ctx, 'events') }));
  api.route('GET', '/v1/events/pages/:page', (ctx) => ({ body: nextPage(ctx) }));
  api.route('GET', '/v1/free_busy', (ctx) => ({ body: firstPage(ctx, 'free_busy') }));
  api.route('GET', '/v1/free_busy/pages/:page', (ctx) => ({ body: nextPage(ctx) }));

  function calendarOf(account: SimAccount, calendarId: string) {
    const cal = account.calendars.get(calendarId);
    if (!cal || cal.calendar_deleted) throw new SimHttpError(404, { error: 'not_found' });
    return cal;
  }

  api.route('POST', '/v1/calendars/:calendar_id/events', (ctx) => {
    const { account } = c.user(ctx);
    const cal = calendarOf(account, ctx.params['calendar_id']!);
    const body = ctx.json<Record<string, unknown>>();
    const errors: Record<string, { key: string; description: string }[]> = {};
    const fail = (field: string, key: string, description: string) => (errors[field] ??= []).push({ key, description });
    if (!body['event_id'] && !body['event_uid']) fail('event_id', 'errors.required', 'event_id must be specified');
    if (typeof body['summary'] !== 'string' || !body['summary']) fail('summary', 'errors.required', 'summary must be specified');
    else if (body['summary'].length > 1024) fail('summary', 'errors.too_long', 'summary is too long (maximum is 1024 characters)');
    if (typeof body['description'] === 'string' && body['description'].length > 4096) fail('description', 'errors.too_long', 'description is too long (maximum is 4096 characters)');
    const start = parseDateOrTime(body['start']);
    const end = parseDateOrTime(body['end']);
    if (body['start'] === undefined) fail('start', 'errors.required', 'start must be specified');
    else if (!start) fail('start', 'errors.invalid', 'start must be a Date or a Time (UTC, no milliseconds)');
    if (body['end'] === undefined) fail('end', 'errors.required', 'end must be specified');
    else if (!end) fail('end', 'errors.invalid', 'end must be a Date or a Time (UTC, no milliseconds)');
    if (start && end && end.ms < start.ms) fail('end', 'errors.end_before_start', 'end must be after start');
    if (Object.keys(errors).length) throw unprocessable(errors);
    if (cal.calendar_readonly) throw fieldError('calendar_id', 'errors.calendar_readonly', 'calendar is read-only');
    const { event_id, event_uid, tzid, ...rest } = body as Record<string, unknown> & { event_id?: string; event_uid?: string; tzid?: string };
    const fields = { ...rest, calendar_id: cal.calendar_id, summary: body['summary'] as string, start: start!.wire, end: end!.wire };
    let existing: SimCronofyEvent | undefined;
    let managed = true;
    if (event_id) {
      existing = state.findManaged(account, cal.calendar_id, event_id);
      state.putEvent(account, { ...fields, event_id, ...(existing ? {} : { event_uid: id('evt_managed') }), deleted: false }, existing);
    } else {
      existing = account.events.get(event_uid!);
      if (!existing || existing.calendar_id !== cal.calendar_id) throw new SimHttpError(404, { error: 'not_found' });
      managed = existing.event_id !== undefined;
      state.putEvent(account, fields, existing);
    }
    c.changed(account, cal.calendar_id, managed);
    return { status: 202 };
  });

  api.route('DELETE', '/v1/calendars/:calendar_id/events', (ctx) => {
    const { account } = c.user(ctx);
    const cal = calendarOf(account, ctx.params['calendar_id']!);
    const body = ctx.json<{ event_id?: string; event_uid?: string; include_userinfo?: boolean }>();
    if (!body.event_id && !body.event_uid) throw fieldError('event_id', 'errors.required', 'event_id must be specified');
    const event = body.event_id ? state.findManaged(account, cal.calendar_id, body.event_id) : account.events.get(body.event_uid!);
    // Deleting an unknown managed event is accepted (idempotent); an unknown external uid too.
    if (event && !event.deleted) {
      state.putEvent(account, { ...event, deleted: true }, event);
      c.changed(account, cal.calendar_id, event.event_id !== undefined);
    }
    return body.include_userinfo ? { status: 202, body: { userinfo: { sub: account.accountId, email: account.email } } } : { status: 202 };
  });

  api.route('DELETE', '/v1/events', (ctx) => {
    const { account } = c.user(ctx);
    const body = ctx.body ? ctx.json<{ delete_all?: boolean; calendar_ids?: string[] }>() : {};
    const hasAll = body.delete_all === true;
    const hasIds = Array.isArray(body.calendar_ids);
    if (hasAll === hasIds) {
      throw fieldError('delete_all', 'errors.invalid', 'specify either delete_all or calendar_ids, not both or neither');
    }
    const touched = new Set<string>();
    for (const e of account.events.values()) {
      if (e.event_id === undefined || e.deleted) continue;
      if (hasIds && !body.calendar_ids!.includes(e.calendar_id)) continue;
      state.putEvent(account, { ...e, deleted: true }, e);
      touched.add(e.calendar_id);
    }
    for (const cal of touched) c.changed(account, cal, true);
    return { status: 202 };
  });

  api.route('POST', '/v1/calendars/:calendar_id/events/:event_uid/participation_status', (ctx) => {
    const { account } = c.user(ctx);
    calendarOf(account, ctx.params['calendar_id']!);
    const { status } = ctx.json<{ status?: string }>();
    if (!status) throw fieldError('status', 'errors.required', 'status must be specified');
    if (!PARTICIPATION.includes(status)) throw fieldError('status', 'errors.invalid', `status must be one of ${PARTICIPATION.join(', ')}`);
    const event = account.events.get(ctx.params['event_uid']!);
    if (!event || event.calendar_id !== ctx.params['calendar_id'] || event.deleted) throw new SimHttpError(404, { error: 'not_found' });
    state.putEvent(account, { ...event, participation_status: status }, event);
    c.changed(account, event.calendar_id, event.event_id !== undefined);
    return { status: 202 };
  });
}
