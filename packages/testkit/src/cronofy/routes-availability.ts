import { SimHttpError } from '../index.js';
import type { CronofySimContext } from './context.js';
import { fieldError, id, parseDateOrTime, queryBool, unprocessable } from './wire.js';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Availability rules and available periods (user auth; reference §3.10), sequenced availability and
 * real-time sequencing (application auth), elevated permissions, conferencing authorizations,
 * Enterprise Connect service-account authorizations and resources (§2.10).
 * @internal
 */
export function mountAvailabilityRoutes(c: CronofySimContext): void {
  const { api } = c;
  const rules = new Map<string, Map<string, Record<string, unknown>>>();
  const periods = new Map<string, Map<string, { available_period_id: string; start: string; end: string }>>();
  const snapshots = new Map<string, { userId: string; items: object[] }>();
  api.onReset(() => {
    rules.clear();
    periods.clear();
    snapshots.clear();
  });
  const of = <T>(map: Map<string, Map<string, T>>, userId: string): Map<string, T> => {
    let m = map.get(userId);
    if (!m) map.set(userId, (m = new Map()));
    return m;
  };

  api.route('POST', '/v1/availability_rules', (ctx) => {
    const { account } = c.user(ctx);
    const body = ctx.json<{ availability_rule_id?: string; tzid?: string; calendar_ids?: string[]; weekly_periods?: { day?: string; start_time?: string; end_time?: string }[] }>();
    const errors: Record<string, { key: string; description: string }[]> = {};
    if (!body.availability_rule_id) errors['availability_rule_id'] = [{ key: 'errors.required', description: 'availability_rule_id must be specified' }];
    if (!body.tzid) errors['tzid'] = [{ key: 'errors.required', description: 'tzid must be specified' }];
    if (!Array.isArray(body.weekly_periods) || body.weekly_periods.length === 0) errors['weekly_periods'] = [{ key: 'errors.required', description: 'weekly_periods must be specified' }];
    for (const [i, p] of (body.weekly_periods ?? []).entries()) {
      if (!DAYS.includes(String(p.day)) || !HHMM.test(String(p.start_time)) || !HHMM.test(String(p.end_time))) {
        errors[`weekly_periods[${i}]`] = [{ key: 'errors.invalid', description: 'day must be a weekday name and times HH:MM' }];
      }
    }
    if (Object.keys(errors).length) throw unprocessable(errors);
    const rule = { availability_rule_id: body.availability_rule_id!, tzid: body.tzid!, calendar_ids: body.calendar_ids ?? [...account.calendars.keys()], weekly_periods: body.weekly_periods! };
    of(rules, account.userId).set(rule.availability_rule_id, rule);
    return { body: { availability_rule: rule } };
  });
  api.route('GET', '/v1/availability_rules', (ctx) => ({ body: { availability_rules: [...of(rules, c.user(ctx).account.userId).values()] } }));
  api.route('GET', '/v1/availability_rules/:id', (ctx) => {
    const rule = of(rules, c.user(ctx).account.userId).get(ctx.params['id']!);
    if (!rule) throw new SimHttpError(404, { error: 'not_found' });
    return { body: { availability_rule: rule } };
  });
  api.route('DELETE', '/v1/availability_rules/:id', (ctx) => {
    if (!of(rules, c.user(ctx).account.userId).delete(ctx.params['id']!)) throw new SimHttpError(404, { error: 'not_found' });
    return { status: 202 };
  });

  api.route('POST', '/v1/available_periods', (ctx) => {
    const { account } = c.user(ctx);
    const body = ctx.json<{ available_period_id?: string; start?: unknown; end?: unknown }>();
    const start = parseDateOrTime(body.start);
    const end = parseDateOrTime(body.end);
    const errors: Record<string, { key: string; description: string }[]> = {};
    if (!body.available_period_id) errors['available_period_id'] = [{ key: 'errors.required', description: 'available_period_id must be specified' }];
    if (!start || start.allDay) errors['start'] = [{ key: 'errors.invalid', description: 'start must be a Time (UTC, no milliseconds)' }];
    if (!end || end.allDay) errors['end'] = [{ key: 'errors.invalid', description: 'end must be a Time (UTC, no milliseconds)' }];
    if (start && end && end.ms <= start.ms) errors['end'] = [{ key: 'errors.end_before_start', description: 'end must be after start' }];
    if (Object.keys(errors).length) throw unprocessable(errors);
    of(periods, account.userId).set(body.available_period_id!, { available_period_id: body.available_period_id!, start: body.start as string, end: body.end as string });
    return { status: 202 };
  });
  api.route('DELETE', '/v1/available_periods', (ctx) => {
    const { account } = c.user(ctx);
    const body = ctx.json<{ available_period_id?: string; delete_all?: boolean }>();
    if (Boolean(body.available_period_id) === (body.delete_all === true)) throw fieldError('available_period_id', 'errors.invalid', 'specify either available_period_id or delete_all');
    const mine = of(periods, account.userId);
    if (body.delete_all) mine.clear();
    else mine.delete(body.available_period_id!);
    return { status: 202 };
  });
  const periodPage = (snapshotId: string, n: number) => {
    const snap = snapshots.get(snapshotId);
    if (!snap) throw new SimHttpError(404, { error: 'not_found' });
    const total = Math.max(1, Math.ceil(snap.items.length / c.pageSize));
    if (n < 1 || n > total) throw new SimHttpError(404, { error: 'not_found' });
    const pages: { current: number; total: number; next_page?: string } = { current: n, total };
    if (n < total) pages.next_page = `${c.nextPageOrigin()}/v1/available_periods/pages/${snapshotId}-${n + 1}`;
    return { pages, available_periods: snap.items.slice((n - 1) * c.pageSize, n * c.pageSize) };
  };
  api.route('GET', '/v1/available_periods', (ctx) => {
    const { account } = c.user(ctx);
    const tzid = ctx.query.get('tzid');
    if (!tzid) throw fieldError('tzid', 'errors.required', 'tzid must be specified');
    const from = ctx.query.get('from');
    const to = ctx.query.get('to');
    const fromMs = from === null ? -Infinity : parseDateOrTime(from)?.ms;
    const toMs = to === null ? Infinity : parseDateOrTime(to)?.ms;
    if (fromMs === undefined || toMs === undefined) throw fieldError('from', 'errors.invalid', 'from and to must be Dates or Times');
    const localized = queryBool(ctx.query, 'localized_times') ?? false;
    const items = [...of(periods, account.userId).values()]
      .filter((p) => Date.parse(p.end) >= fromMs && Date.parse(p.start) < toMs)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
      .map((p) => (localized ? { ...p, start: { time: p.start, tzid }, end: { time: p.end, tzid } } : p));
    const snapshotId = id('ap').replace(/_/g, '');
    snapshots.set(snapshotId, { userId: account.userId, items });
    return { body: periodPage(snapshotId, 1) };
  });
  api.route('GET', '/v1/available_periods/pages/:page', (ctx) => {
    const { account } = c.user(ctx);
    const m = /^(.+)-(\d+)$/.exec(ctx.params['page'] ?? '');
    if (!m || snapshots.get(m[1]!)?.userId !== account.userId) throw new SimHttpError(404, { error: 'not_found' });
    return { body: periodPage(m[1]!, Number(m[2])) };
  });

  api.route('POST', '/v1/sequenced_availability', (ctx) => {
    c.application(ctx);
    const body = ctx.json<{ sequence?: { sequence_id?: string; required_duration?: { minutes?: number } }[]; query_periods?: { start: string; end: string }[]; available_periods?: { start: string; end: string }[] }>();
    if (!Array.isArray(body.sequence) || body.sequence.length === 0) throw fieldError('sequence', 'errors.required', 'sequence must be specified');
    const window = (body.query_periods ?? body.available_periods)?.[0];
    if (!window || !parseDateOrTime(window.start)) throw fieldError('query_periods', 'errors.required', 'query_periods must be specified');
    // Back-to-back from the window start: enough to exercise the wire shape.
    let cursor = Date.parse(window.start);
    const steps = body.sequence.map((s) => {
      const start = cursor;
      cursor += (s.required_duration?.minutes ?? 30) * 60_000;
      return { sequence_id: s.sequence_id, start: new Date(start).toISOString().replace('.000Z', 'Z'), end: new Date(cursor).toISOString().replace('.000Z', 'Z'), participants: [] };
    });
    return { body: { sequences: [{ sequence: steps }] } };
  });
  api.route('POST', '/v1/real_time_sequencing', (ctx) => {
    c.application(ctx);
    const body = ctx.json<{ oauth?: { redirect_uri?: string }; event?: object; availability?: object; target_calendars?: object[] }>();
    if (!body.oauth?.redirect_uri || !body.event || !body.availability || !Array.isArray(body.target_calendars)) {
      throw unprocessable({ request: [{ key: 'errors.required', description: 'oauth.redirect_uri, event, availability and target_calendars are required' }] });
    }
    const token = id('rtsq');
    return { body: { real_time_scheduling: { real_time_scheduling_id: id('sch'), url: `${c.app.url}/real_time_sequencing/${token}` } } };
  });

  api.route('POST', '/v1/permissions', (ctx) => {
    const { account } = c.user(ctx);
    const body = ctx.json<{ permissions?: { calendar_id?: string; permission_level?: string }[]; redirect_uri?: string }>();
    if (!Array.isArray(body.permissions) || body.permissions.length === 0) throw fieldError('permissions', 'errors.required', 'permissions must be specified');
    for (const p of body.permissions) if (!p.calendar_id || !account.calendars.has(p.calendar_id)) throw fieldError('permissions', 'errors.unknown', 'unknown calendar');
    return { status: 202, body: { permissions_request: { url: `${c.app.url}/permissions/${id('prq')}` } } };
  });
  api.route('POST', '/v1/conferencing_service_authorizations', (ctx) => {
    c.user(ctx);
    const body = ctx.json<{ redirect_uri?: string; provider_name?: string }>();
    if (!body.redirect_uri) throw fieldError('redirect_uri', 'errors.required', 'redirect_uri must be specified');
    return { body: { authorization_request: { url: `${c.app.url}/conferencing/${body.provider_name ?? 'choose'}/${id('csa')}` } } };
  });
  api.route('POST', '/v1/service_account_authorizations', (ctx) => {
    c.user(ctx);
    const body = ctx.json<{ email?: string; scope?: string; callback_url?: string; service_account_authorizations?: { email?: string; scope?: string; callback_url?: string }[] }>();
    const list = body.service_account_authorizations ?? [body];
    if (list.length === 0 || list.length > 50) throw fieldError('service_account_authorizations', 'errors.invalid', 'between 1 and 50 entries');
    for (const a of list) if (!a.email || !a.scope || !a.callback_url) throw fieldError('email', 'errors.required', 'email, scope and callback_url must be specified');
    return { status: 202 };
  });
  api.route('GET', '/v1/resources', (ctx) => {
    const { account } = c.user(ctx);
    const domain = account.email.split('@')[1] ?? 'example.test';
    return { body: { resources: [{ email: `board-room@${domain}`, name: 'Board Room' }, { email: `projector@${domain}`, name: 'Projector' }] } };
  });
}
