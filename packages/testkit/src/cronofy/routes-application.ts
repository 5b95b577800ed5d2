import { SimHttpError } from '../index.js';
import type { CronofySimContext } from './context.js';
import { fieldError, id, instant, parseDateOrTime, timeString, unprocessable } from './wire.js';

interface Rts {
  real_time_scheduling_id: string;
  url: string;
  token: string;
  status: string;
  event: object;
}

/** Duration `{minutes}` / `{hours}` in minutes (docs data-types). */
function minutes(d: unknown): number | undefined {
  if (typeof d !== 'object' || d === null) return undefined;
  const { minutes: m = 0, hours: h = 0 } = d as { minutes?: number; hours?: number };
  const total = Number(m) + Number(h) * 60;
  return Number.isFinite(total) && total > 0 ? total : undefined;
}

/**
 * Application-auth endpoints (`Bearer client_secret`, reference §2.8): availability, real-time
 * scheduling, smart invites, element tokens; plus application calendars (body credentials) and batch.
 * @internal
 */
export function mountApplicationRoutes(c: CronofySimContext): void {
  const { api, state } = c;
  const rts = new Map<string, Rts>();
  const invites = new Map<string, Record<string, unknown>>();
  api.onReset(() => {
    rts.clear();
    invites.clear();
  });

  api.route('POST', '/v1/availability', (ctx) => {
    c.application(ctx);
    const body = ctx.json<{ participants?: { members?: { sub?: string; calendar_ids?: string[] }[]; required?: string | number }[]; required_duration?: unknown; query_periods?: { start: string; end: string }[]; available_periods?: { start: string; end: string }[] }>();
    const errors: Record<string, { key: string; description: string }[]> = {};
    if (!Array.isArray(body.participants) || body.participants.length === 0) errors['participants'] = [{ key: 'errors.required', description: 'participants must be specified' }];
    const duration = minutes(body.required_duration);
    if (duration === undefined) errors['required_duration'] = [{ key: 'errors.required', description: 'required_duration must be specified' }];
    const periods = body.query_periods ?? body.available_periods;
    if (!Array.isArray(periods) || periods.length === 0) errors['query_periods'] = [{ key: 'errors.required', description: 'query_periods must be specified' }];
    for (const [i, p] of (periods ?? []).entries()) {
      if (!parseDateOrTime(p.start) || !parseDateOrTime(p.end)) errors[`query_periods[${i}]`] = [{ key: 'errors.invalid', description: 'start and end must be UTC Times without milliseconds' }];
    }
    if (Object.keys(errors).length) throw unprocessable(errors);
    // Everyone required ("all"): busy = union of all members' opaque, non-deleted events.
    const subs: string[] = [];
    const busy: [number, number][] = [];
    for (const group of body.participants!) {
      for (const member of group.members ?? []) {
        if (!member.sub) throw fieldError('participants', 'errors.invalid', 'members need a sub');
        subs.push(member.sub);
        const account = [...state.accounts.values()].find((a) => a.accountId === member.sub);
        if (!account) continue;
        for (const e of account.events.values()) {
          if (e.deleted || e.transparency === 'transparent') continue;
          if (member.calendar_ids && !member.calendar_ids.includes(e.calendar_id)) continue;
          busy.push([instant(e.start), instant(e.end)]);
        }
      }
    }
    busy.sort((a, b) => a[0] - b[0]);
    const available: object[] = [];
    for (const p of periods!) {
      let cursor = Date.parse(p.start);
      const end = Date.parse(p.end);
      const emit = (s: number, e: number) => {
        if (e - s >= duration! * 60_000) available.push({ start: timeString(s), end: timeString(e), participants: subs.map((sub) => ({ sub })) });
      };
      for (const [bs, be] of busy) {
        if (be <= cursor || bs >= end) continue;
        if (bs > cursor) emit(cursor, bs);
        cursor = Math.max(cursor, be);
      }
      if (cursor < end) emit(cursor, end);
    }
    return { body: { available_periods: available } };
  });

  api.route('POST', '/v1/real_time_scheduling', (ctx) => {
    c.application(ctx);
    const body = ctx.json<{ oauth?: { redirect_uri?: string }; event?: { tzid?: string }; availability?: object; target_calendars?: object[] }>();
    const errors: Record<string, { key: string; description: string }[]> = {};
    if (!body.oauth?.redirect_uri) errors['oauth.redirect_uri'] = [{ key: 'errors.required', description: 'redirect_uri must be specified' }];
    if (!body.event?.tzid) errors['event.tzid'] = [{ key: 'errors.required', description: 'tzid must be specified' }];
    if (!body.availability) errors['availability'] = [{ key: 'errors.required', description: 'availability must be specified' }];
    if (!Array.isArray(body.target_calendars)) errors['target_calendars'] = [{ key: 'errors.required', description: 'target_calendars must be specified' }];
    if (Object.keys(errors).length) throw unprocessable(errors);
    const token = id('rtstok');
    const rec: Rts = { real_time_scheduling_id: id('sch'), url: `${c.app.url}/real_time_scheduling/${token}`, token, status: 'open', event: body.event! };
    rts.set(rec.real_time_scheduling_id, rec);
    return { body: { real_time_scheduling: { real_time_scheduling_id: rec.real_time_scheduling_id, url: rec.url } } };
  });
  const rtsView = (r: Rts) => ({ real_time_scheduling: { real_time_scheduling_id: r.real_time_scheduling_id, url: r.url, event: r.event, status: r.status } });
  api.route('GET', '/v1/real_time_scheduling', (ctx) => {
    c.application(ctx);
    const token = ctx.query.get('token');
    const found = [...rts.values()].find((r) => r.token === token);
    if (!found) throw new SimHttpError(404, { error: 'not_found' });
    return { body: rtsView(found) };
  });
  api.route('GET', '/v1/real_time_scheduling/:id', (ctx) => {
    c.application(ctx);
    const found = rts.get(ctx.params['id']!);
    if (!found) throw new SimHttpError(404, { error: 'not_found' });
    return { body: rtsView(found) };
  });
  api.route('POST', '/v1/real_time_scheduling/:id/disable', (ctx) => {
    c.application(ctx);
    const found = rts.get(ctx.params['id']!);
    if (!found) throw new SimHttpError(404, { error: 'not_found' });
    const { display_message } = ctx.json<{ display_message?: string }>();
    if (display_message && display_message.length >= 500) throw fieldError('display_message', 'errors.too_long', 'display_message must be under 500 characters');
    found.status = 'disabled';
    return { body: rtsView(found) };
  });

  api.route('POST', '/v1/smart_invites', (ctx) => {
    const { clientId } = c.application(ctx);
    const body = ctx.json<Record<string, unknown> & { smart_invite_id?: string; method?: string; recipient?: { email?: string }; recipients?: { email?: string }[]; event?: Record<string, unknown>; callback_url?: string }>();
    const method = body.method ?? 'request';
    if (!body.smart_invite_id) throw fieldError('smart_invite_id', 'errors.required', 'smart_invite_id must be specified');
    const recipients = body.recipients ?? (body.recipient ? [body.recipient] : []);
    if (recipients.length === 0 || recipients.some((r) => !r.email)) throw fieldError('recipient', 'errors.required', 'recipient email must be specified');
    if (method === 'request') {
      const ev = body.event ?? {};
      if (!ev['summary'] || !parseDateOrTime(ev['start']) || !parseDateOrTime(ev['end'])) throw fieldError('event', 'errors.invalid', 'event needs summary, start and end');
    } else if (!['cancel', 'remove'].includes(method)) {
      throw fieldError('method', 'errors.invalid', 'method must be request, cancel or remove');
    }
    const previous = invites.get(body.smart_invite_id);
    const event = (body.event ?? (previous?.['event'] as Record<string, unknown> | undefined) ?? {}) as Record<string, unknown>;
    const status = method === 'cancel' ? 'cancelled' : 'pending';
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//cal-testkit//cronofy-sim//EN', `METHOD:${method === 'cancel' ? 'CANCEL' : 'REQUEST'}`, 'BEGIN:VEVENT', `UID:${body.smart_invite_id}`, `SUMMARY:${String(event['summary'] ?? '')}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const invite = {
      smart_invite_id: body.smart_invite_id,
      callback_url: body.callback_url ?? previous?.['callback_url'],
      ...(body.recipients ? { recipients: recipients.map((r) => ({ email: r.email, status })) } : { recipient: { email: recipients[0]!.email, status } }),
      event: { ...event, ...(typeof event['start'] === 'string' ? { start: { time: event['start'], tzid: (event['tzid'] as string) ?? 'Etc/UTC' } } : {}), ...(typeof event['end'] === 'string' ? { end: { time: event['end'], tzid: (event['tzid'] as string) ?? 'Etc/UTC' } } : {}) },
      attachments: { icalendar: ics },
      clientId,
    };
    invites.set(body.smart_invite_id, invite);
    const { clientId: _c, ...view } = invite;
    return { body: view };
  });
  api.route('GET', '/v1/smart_invites', (ctx) => {
    c.application(ctx);
    const invite = invites.get(ctx.query.get('smart_invite_id') ?? '');
    const email = ctx.query.get('recipient_email');
    if (!invite || !email) throw new SimHttpError(404, { error: 'not_found' });
    const { clientId: _c, ...view } = invite;
    return { body: { ...view, recipient: { email, status: (view as { recipient?: { status?: string } }).recipient?.status ?? 'pending' }, replies: [] } };
  });

  api.route('POST', '/v1/element_tokens', (ctx) => {
    c.application(ctx);
    const body = ctx.json<{ version?: string; permissions?: string[]; subs?: string[]; origin?: string }>();
    const errors: Record<string, { key: string; description: string }[]> = {};
    if (!body.version) errors['version'] = [{ key: 'errors.required', description: 'version must be specified' }];
    if (!Array.isArray(body.permissions) || body.permissions.length === 0) errors['permissions'] = [{ key: 'errors.required', description: 'permissions must be specified' }];
    let originOk = false;
    try {
      originOk = typeof body.origin === 'string' && new URL(body.origin).origin === body.origin;
    } catch {
      originOk = false;
    }
    if (!originOk) errors['origin'] = [{ key: 'errors.invalid', description: 'origin must be a scheme and host, e.g. https://example.com' }];
    if (Object.keys(errors).length) throw unprocessable(errors);
    return { body: { element_token: { permissions: body.permissions, origin: body.origin, token: id('elt'), expires_in: 64800 } } };
  });

  api.route('POST', '/v1/application_calendars', (ctx) => {
    const body = ctx.json<{ client_id?: string; client_secret?: string; application_calendar_id?: string }>();
    const client = c.clients.find((x) => x.clientId === body.client_id && x.clientSecret === body.client_secret);
    if (!client) throw new SimHttpError(401, { error: 'invalid_client' });
    if (!body.application_calendar_id) throw fieldError('application_calendar_id', 'errors.required', 'application_calendar_id must be specified');
    const userId = `apc:${client.clientId}:${body.application_calendar_id}`;
    const account = state.account(userId, { providerName: 'cronofy', name: body.application_calendar_id });
    const tokens = c.oauth.issue({ userId, clientId: client.clientId, scope: 'read_write' });
    const profile = account.profiles[0]!;
    return {
      body: {
        token_type: 'bearer',
        access_token: tokens.accessToken,
        refresh_token: tokens.refreshToken,
        expires_in: tokens.expiresIn,
        scope: 'read_write',
        sub: account.accountId.replace(/^acc_/, 'apc_'),
        application_calendar_id: body.application_calendar_id,
        linking_profile: { provider_name: 'cronofy', profile_id: profile.profile_id, profile_name: profile.profile_name },
      },
    };
  });

  api.route('POST', '/v1/batch', async (ctx) => {
    c.user(ctx);
    const body = ctx.json<{ batch?: { method?: string; relative_url?: string; data?: unknown }[] }>();
    if (!Array.isArray(body.batch) || body.batch.length === 0) throw fieldError('batch', 'errors.required', 'batch must be specified');
    if (body.batch.length > 50) throw fieldError('batch', 'errors.too_long', 'at most 50 entries');
    const results: { status: number; data?: unknown }[] = [];
    for (const entry of body.batch) {
      const allowed = /^\/v1\/(calendars\/[^/]+\/events|available_periods)$/.test(entry.relative_url ?? '');
      if (!allowed || !['POST', 'DELETE'].includes(String(entry.method).toUpperCase())) {
        results.push({ status: 422, data: { errors: { relative_url: [{ key: 'errors.invalid', description: 'unsupported batch request' }] } } });
        continue;
      }
      // Each entry is executed as its own request against this API host, with the caller's token.
      const res = await fetch(`${api.url}${entry.relative_url}`, {
        method: String(entry.method).toUpperCase(),
        headers: { authorization: ctx.headers['authorization'] ?? '', 'content-type': 'application/json' },
        body: JSON.stringify(entry.data ?? {}),
      });
      const text = await res.text();
      results.push({ status: res.status, ...(text ? { data: JSON.parse(text) as unknown } : {}) });
    }
    return { status: 207, body: { batch: results } };
  });
}
