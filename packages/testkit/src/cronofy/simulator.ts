import { createOAuthServer, createSimServer, SimHttpError, type SimContext } from '../index.js';
import type { CronofySimContext } from './context.js';
import { cronofyHmac } from './push.js';
import { mountApplicationRoutes } from './routes-application.js';
import { mountAvailabilityRoutes } from './routes-availability.js';
import { changePayload, mountChannelRoutes } from './routes-channels.js';
import { mountEventRoutes } from './routes-events.js';
import { mountIdentityRoutes } from './routes-identity.js';
import { CronofyState } from './state.js';
import type { CronofySimulator, CronofySimulatorOptions, SimCronofyPush } from './types.js';

const DEFAULT_CLIENT = { clientId: 'cronofy-client', clientSecret: 'cronofy-secret' };

/**
 * Starts a stateful Cronofy simulator following the documented wire format
 * (shared/reference/cronofy.md): an app host (OAuth consent page) and an API host on two loopback
 * origins, OAuth code/refresh/revoke, accounts with profiles and calendars, managed and external
 * events, paged read events and free/busy with absolute `next_page` URLs, notification channels
 * that POST signed pushes, application-auth endpoints, batch (207), 422 bodies and throttling.
 * @example
 * ```ts
 * const cronofy = await startCronofySimulator();
 * const { accessToken } = cronofy.issueToken('user-1');
 * const client = new CronofyClient({ accessToken, hosts: cronofy.hosts });
 * ```
 * @public
 */
export async function startCronofySimulator(options: CronofySimulatorOptions = {}): Promise<CronofySimulator> {
  const clients = (options.clients ?? [DEFAULT_CLIENT]).map((c) => ({ ...c }));
  const dataCenter = options.dataCenter ?? 'us';
  const api = await createSimServer({ name: `cronofy-api-${dataCenter}`, host: options.apiHost ?? '127.0.0.1' });
  const app = await createSimServer({ name: `cronofy-app-${dataCenter}`, host: options.appHost ?? '127.0.0.1' });
  const oauth = createOAuthServer(app, {
    authorizePath: '/oauth/authorize',
    tokenPath: '/oauth/token',
    revokePath: '/oauth/token/revoke',
    clients,
    clientAuth: 'body', // client_id + client_secret in the body; no SDK uses Basic (reference §2.2)
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    scopes: ['read_account', 'list_calendars', 'read_events', 'create_event', 'delete_event'],
    tokenResponseExtras: (grant) => {
      const account = state.account(grant.userId);
      const profile = account.profiles[0]!;
      return { account_id: account.accountId, sub: account.accountId, linking_profile: { provider_name: profile.provider_name, profile_id: profile.profile_id, profile_name: profile.profile_name } };
    },
  });
  const state = new CronofyState();
  const pushes: SimCronofyPush[] = [];
  const pending = new Set<Promise<void>>();
  let nextPageOrigin: string | undefined;
  const hits = new Map<string, number[]>();
  api.onReset(() => {
    state.clear();
    pushes.length = 0;
    hits.clear();
    nextPageOrigin = undefined;
  });
  app.onReset(() => undefined);

  // Token and revoke calls are documented on the API host (§2.2–2.4); Ruby/C# use the app host.
  // Both work here: the API host forwards to the OAuth server on the app host.
  for (const path of ['/oauth/token', '/oauth/token/revoke']) {
    api.route('POST', path, async (ctx) => {
      const headers: Record<string, string> = { 'content-type': ctx.headers['content-type'] ?? 'application/x-www-form-urlencoded' };
      if (ctx.headers['authorization']) headers['authorization'] = ctx.headers['authorization'];
      const res = await fetch(`${app.url}${path}`, { method: 'POST', headers, body: ctx.body });
      const out: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        if (!['content-length', 'connection', 'keep-alive', 'transfer-encoding', 'date'].includes(k)) out[k] = v;
      });
      return { status: res.status, headers: out, body: await res.text() };
    });
  }

  function throttle(key: string): void {
    const limit = options.rateLimit;
    if (!limit) return;
    const now = Date.now();
    const list = (hits.get(key) ?? []).filter((t) => t > now - limit.windowMs);
    list.push(now);
    hits.set(key, list);
    if (list.length > limit.limit) {
      throw new SimHttpError(429, { errors: { rate_limit: [{ key: 'errors.rate_limited', description: 'Too many requests' }] } }, limit.retryAfter === undefined ? {} : { 'Retry-After': String(limit.retryAfter) });
    }
  }

  function deliver(url: string, clientId: string, payload: object, type: string): void {
    const client = clients.find((c) => c.clientId === clientId) ?? clients[0]!;
    const body = JSON.stringify(payload);
    const hmac = cronofyHmac(body, [...(options.extraSigningSecrets ?? []), client.clientSecret]);
    const record: SimCronofyPush = { url, body, hmac, type };
    pushes.push(record);
    const p = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', 'cronofy-hmac-sha256': hmac }, body })
      .then(async (res) => {
        record.status = res.status;
        await res.arrayBuffer();
      })
      .catch(() => undefined)
      .finally(() => pending.delete(p));
    pending.add(p);
  }

  const ctx: CronofySimContext = {
    api,
    app,
    oauth,
    state,
    clients,
    pageSize: options.pageSize ?? 100,
    pushes,
    user(sc: SimContext) {
      const grant = oauth.requireAuth(sc);
      throttle(grant.clientId);
      return { account: state.account(grant.userId), clientId: grant.clientId };
    },
    application(sc: SimContext) {
      const token = sc.bearer();
      const client = clients.find((c) => c.clientSecret === token);
      if (!client) throw new SimHttpError(401, { error: 'invalid_token' }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      throttle(client.clientId);
      return client;
    },
    nextPageOrigin: () => nextPageOrigin ?? api.url,
    push: deliver,
    changed(account, calendarId, managed) {
      for (const ch of account.channels.values()) {
        if (ch.filters.calendar_ids && !ch.filters.calendar_ids.includes(calendarId)) continue;
        if (ch.filters.only_managed && !managed) continue;
        deliver(ch.callback_url, ch.clientId, changePayload(ch), 'change');
      }
    },
  };

  mountIdentityRoutes(ctx);
  mountEventRoutes(ctx);
  mountChannelRoutes(ctx);
  mountApplicationRoutes(ctx);
  mountAvailabilityRoutes(ctx);

  return {
    apiUrl: api.url,
    appUrl: app.url,
    hosts: { api: api.url, app: app.url },
    dataCenter,
    sim: api,
    app,
    oauth,
    clients,
    pushes,
    issueToken(userId = 'user-1', clientId = clients[0]!.clientId) {
      state.account(userId);
      return oauth.issue({ userId, clientId, scope: 'read_write' });
    },
    addUser(userId, init) {
      const acc = state.account(userId, init);
      const cal = [...acc.calendars.values()][0]!;
      return { accountId: acc.accountId, calendarId: cal.calendar_id, profileId: acc.profiles[0]!.profile_id };
    },
    addCalendar: (userId, init) => state.addCalendar(state.account(userId), init),
    seedEvents(userId, calendarId, events) {
      const acc = state.account(userId);
      if (!acc.calendars.has(calendarId)) throw new Error(`cronofy sim: unknown calendar ${calendarId}`);
      return events.map((e) => state.putEvent(acc, { ...e, calendar_id: calendarId }).event_uid);
    },
    events: (userId) => [...state.account(userId).events.values()],
    async flushPushes() {
      while (pending.size) await Promise.all([...pending]);
    },
    setNextPageOrigin(origin) {
      nextPageOrigin = origin;
    },
    reset() {
      api.reset();
      app.reset();
    },
    async close() {
      await Promise.all([api.close(), app.close()]);
    },
  };
}
