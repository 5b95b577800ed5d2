import { createSimServer } from '../sim/sim-server.js';
import { createOAuthServer } from '../sim/oauth/oauth-server.js';
import { SimHttpError } from '../sim/sim-http-error.js';
import type { OAuthServer } from '../sim/oauth/types.js';
import type { SimContext, SimServer } from '../sim/types.js';
import { eventKey, makeAccount, MsState, PROVIDERS, type MsUser } from './state.js';
import type { MobiscrollSimulatorOptions, MsAccount, MsCalendar, MsDelivery, MsEvent, MsProvider, MsSubscription } from './types.js';
import { mountEventRoutes } from './routes-events.js';
import { toWire } from './events-view.js';
import { createSigner, type WebhookSigner } from './signing.js';
import { plainError, requireStrings, validationError } from './wire-errors.js';

/** A running Mobiscroll Connect simulator. @public */
export interface MobiscrollSimulator {
  /** Server origin, e.g. `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** API base URL (`${url}/api`), what the client's `baseUrl` is. */
  readonly baseUrl: string;
  /** `${url}/.well-known/webhook-keys`. */
  readonly keysUrl: string;
  readonly sim: SimServer;
  readonly oauth: OAuthServer;
  readonly client: { clientId: string; clientSecret: string; redirectUri: string };
  /** Webhook signing keys (rotate to test dual-signing). */
  readonly signer: WebhookSigner;
  /** Every webhook POST sent. */
  readonly deliveries: MsDelivery[];
  readonly subscriptions: ReadonlyMap<string, MsSubscription>;
  /** Issues tokens without the browser dance. */
  issueTokens(userId?: string, scope?: 'free-busy' | 'read' | 'read-write'): { accessToken: string; refreshToken: string; expiresIn: number };
  user(userId: string): MsUser;
  addAccount(userId: string, provider: MsProvider, account: string, over?: Partial<MsAccount>): MsAccount;
  addCalendar(userId: string, cal: Omit<MsCalendar, 'account' | 'timeZone' | 'title'> & Partial<MsCalendar>): MsCalendar;
  addEvent(userId: string, e: Partial<MsEvent> & Pick<MsEvent, 'provider' | 'calendarId' | 'start' | 'end'>): MsEvent;
  /** Fast bulk seed (benchmarks): `count` one-hour events, one per `stepMinutes`, from `start`. */
  seedEvents(userId: string, count: number, opts: { provider: MsProvider; calendarId: string; start: Date; stepMinutes?: number }): void;
  /** A change made at the provider (not through the API): applied and delivered to subscribed webhooks. */
  externalChange(userId: string, change: { provider: MsProvider; calendarId: string; changeType: 'created' | 'updated' | 'deleted'; event: Partial<MsEvent> & { id?: string } }): Promise<MsDelivery[]>;
  setWebhookUrl(url: string | undefined): void;
  /** Create/update answer shape: event at the root (docs since Dec 2025) or `{success, event}` (older docs). */
  setWriteShape(shape: 'root' | 'wrapped'): void;
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_CLIENT = { clientId: 'ms-client', clientSecret: 'ms-secret', redirectUri: 'https://app.example/callback' };

/**
 * Starts a stateful Mobiscroll Connect simulator following the Postman collection and the
 * reference (shared/reference/mobiscroll.md): OAuth under `/api/oauth` (Basic or in-body client
 * auth, refresh-token rotation where reusing a rotated token revokes the authorization), connection
 * status / disconnect, calendars and events for google/microsoft/apple/caldav with `nextPageToken`
 * paging, recurring series with this/following/all edits, webhook subscriptions with signed
 * deliveries (Ed25519 key pair generated per run, keys at `/.well-known/webhook-keys`), the three
 * error shapes, scope rules and optional throttling.
 * @public
 */
export async function startMobiscrollSimulator(options: MobiscrollSimulatorOptions = {}): Promise<MobiscrollSimulator> {
  const sim = await createSimServer({ name: 'mobiscroll', ...(options.host ? { host: options.host } : {}) });
  const client = options.client ?? DEFAULT_CLIENT;
  const state = new MsState();
  const signer = await createSigner();
  const deliveries: MsDelivery[] = [];
  let webhookUrl = options.webhookUrl;
  let writeShape: 'root' | 'wrapped' = 'root';
  const tokenUsers = new Map<string, string>();
  const hits = new Map<string, number[]>();

  const oauth = createOAuthServer(sim, {
    prefix: '/api/oauth',
    clients: [{ clientId: client.clientId, clientSecret: client.clientSecret, redirectUris: [client.redirectUri] }],
    clientAuth: options.clientAuth ?? 'both',
    ...(options.accessTokenTtlSeconds ? { accessTokenTtlSeconds: options.accessTokenTtlSeconds } : {}),
    rotateRefreshTokens: true,
    // reference §2.2: reusing an out-of-date refresh token revokes the user's authorization.
    revokeFamilyOnReuse: true,
    scopes: ['read-write'],
    tokenResponseExtras: (grant) => {
      tokenUsers.set(grant.accessToken, grant.userId);
      if (grant.refreshToken) tokenUsers.set(grant.refreshToken, grant.userId);
      return {};
    },
  });

  // reference §2.3: JSON `{token}`, no client auth, revokes every token of the user/client pair, always 200.
  sim.route('POST', '/api/oauth/revoke', (ctx) => {
    const body = ctx.json<{ token?: unknown }>();
    if (typeof body?.token !== 'string') throw plainError(400, 'token is required');
    const userId = tokenUsers.get(body.token);
    if (userId) oauth.revokeUser(userId);
    return { body: { success: true } };
  });

  function throttle(ctx: SimContext): void {
    if (!options.throttle) return;
    const key = ctx.bearer() ?? 'anonymous';
    const now = Date.now();
    const list = (hits.get(key) ?? []).filter((t) => t > now - options.throttle!.windowMs);
    list.push(now);
    hits.set(key, list);
    if (list.length > options.throttle.limit) {
      throw new SimHttpError(429, { message: 'Too many requests', code: 'rate_limited' }, { 'Retry-After': String(options.throttle.retryAfterSeconds ?? 1) });
    }
  }

  function auth(ctx: SimContext): { user: MsUser; scope: string } {
    throttle(ctx);
    const grant = oauth.requireAuth(ctx);
    return { user: state.user(grant.userId), scope: grant.scope || 'read-write' };
  }

  /** reference §5.1: 403 `calendar_permission_required` when no connected account granted calendar access. */
  function requireCalendarPermission(user: MsUser): void {
    const all = PROVIDERS.flatMap((p) => user.accounts[p].map((a) => ({ p, a })));
    if (all.length && all.every(({ a }) => a.calendarPermissionGranted === false)) {
      throw new SimHttpError(403, {
        message: 'Calendar permission required',
        code: 'calendar_permission_required',
        accounts: all.map(({ p, a }) => ({ provider: p, account: a.id })),
      });
    }
  }

  async function deliver(user: MsUser, provider: MsProvider, calendarId: string, events: Record<string, unknown>[], changeType: 'created' | 'updated' | 'deleted'): Promise<MsDelivery[]> {
    const out: MsDelivery[] = [];
    if (!webhookUrl) return out;
    for (const s of state.subscriptions.values()) {
      if (s.userId !== user.id || s.provider !== provider || s.calendarId !== calendarId) continue;
      const body = JSON.stringify({
        provider, userId: user.id, calendarId,
        events: events.map((e) => ({ ...e, changeType })),
        changeType,
        timestamp: new Date().toISOString(),
        metadata: { channelId: s.channelId, eventCount: events.length, isInitialSync: false },
      });
      const id = `msg_${crypto.randomUUID()}`;
      const ts = Math.floor(Date.now() / 1000);
      const headers = {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(ts),
        'webhook-signature': await signer.sign(id, ts, body),
      };
      const d: MsDelivery = { url: webhookUrl, headers, body };
      try {
        const res = await fetch(webhookUrl, { method: 'POST', headers, body });
        d.status = res.status;
        await res.body?.cancel();
      } catch (e) {
        d.error = e instanceof Error ? e.message : String(e);
      }
      deliveries.push(d);
      out.push(d);
    }
    return out;
  }

  sim.route('GET', '/api/health', () => ({ body: { status: 'ok' } }));
  sim.route('GET', '/.well-known/webhook-keys', () => ({ headers: { 'cache-control': 'public, max-age=3600' }, body: signer.keysDocument() }));

  sim.route('GET', '/api/oauth/connection-status', (ctx) => {
    const { user } = auth(ctx);
    const count = PROVIDERS.reduce((n, p) => n + user.accounts[p].length, 0);
    return { body: { connections: user.accounts, limitReached: count >= (options.accountLimit ?? 10) } };
  });

  sim.route('POST', '/api/oauth/disconnect', (ctx) => {
    const { user } = auth(ctx);
    const provider = ctx.query.get('provider') as MsProvider | null;
    if (!provider || !PROVIDERS.includes(provider)) throw validationError('Invalid provider', { provider: ['must be google, microsoft, apple or caldav'] });
    const account = ctx.query.get('account');
    const removed = user.accounts[provider].filter((a) => account === null || a.id === account);
    if (account !== null && !removed.length) return { body: { success: false, message: 'Account not found' } };
    user.accounts[provider] = user.accounts[provider].filter((a) => !removed.includes(a));
    const gone = new Set(user.calendars.filter((c) => c.provider === provider && removed.some((a) => a.id === c.account)).map((c) => c.id));
    user.calendars = user.calendars.filter((c) => !(c.provider === provider && gone.has(c.id)));
    for (const [k, e] of user.events) if (e.provider === provider && gone.has(e.calendarId)) user.events.delete(k);
    state.version++;
    return { body: { success: true, message: `Disconnected ${removed.length} ${provider} account(s)` } };
  });

  sim.route('GET', '/api/calendars', (ctx) => {
    const { user, scope } = auth(ctx);
    if (scope === 'free-busy') throw plainError(403, 'Calendar list access is forbidden for free-busy scope');
    requireCalendarPermission(user);
    return {
      body: user.calendars.map(({ account: _a, ...c }) => ({ ...c, original: { id: c.id, provider: c.provider } })),
    };
  });

  mountEventRoutes(sim, {
    state,
    auth: (ctx) => {
      const a = auth(ctx);
      requireCalendarPermission(a.user);
      return a;
    },
    // reference §3.7: API-originated changes are not forwarded to webhooks (echo suppression).
    changed: () => {},
    writeShape: () => writeShape,
  });

  sim.route('POST', '/api/subscribe-webhook', (ctx) => {
    const { user } = auth(ctx);
    const body = ctx.json<Record<string, unknown>>();
    requireStrings(body, ['provider', 'calendarId']);
    if (!PROVIDERS.includes(body.provider as MsProvider)) throw plainError(400, 'Unsupported provider');
    if (!webhookUrl) throw plainError(400, 'Project webhook URL is not configured');
    const cal = user.calendars.find((c) => c.provider === body.provider && c.id === body.calendarId);
    if (!cal) throw plainError(404, 'Calendar not found');
    const channelId = typeof body.channelId === 'string' ? body.channelId : state.nextId('ch_');
    if (state.subscriptions.has(channelId) && state.subscriptions.get(channelId)!.userId !== user.id) throw plainError(400, 'channelId already in use');
    const expiration = new Date(typeof body.expiration === 'number' ? body.expiration : Date.now() + 7 * 86_400_000).toISOString();
    const s: MsSubscription = {
      userId: user.id, provider: cal.provider, calendarId: cal.id, channelId, expiration,
      ...(cal.provider === 'google' ? { resourceId: state.nextId('res_') } : {}),
    };
    state.subscriptions.set(channelId, s);
    return {
      body: {
        success: true, provider: cal.provider,
        subscription: { channelId, ...(s.resourceId ? { resourceId: s.resourceId } : {}), expiration, webhookUrl },
        serverWebhookUrl: webhookUrl, channelId,
      },
    };
  });

  sim.route('POST', '/api/unsubscribe-webhook', (ctx) => {
    const { user } = auth(ctx);
    const body = ctx.json<Record<string, unknown>>();
    requireStrings(body, ['provider', 'channelId']);
    const s = state.subscriptions.get(String(body.channelId));
    if (s && s.userId === user.id) state.subscriptions.delete(s.channelId);
    // reference §4.3: success stays true even when the channel had already expired/gone.
    return { body: { success: true, message: 'Unsubscribed' } };
  });

  const api: MobiscrollSimulator = {
    url: sim.url,
    baseUrl: `${sim.url}/api`,
    keysUrl: `${sim.url}/.well-known/webhook-keys`,
    sim,
    oauth,
    client,
    signer,
    deliveries,
    subscriptions: state.subscriptions,
    issueTokens(userId = 'user-1', scope = 'read-write') {
      const t = oauth.issue({ userId, clientId: client.clientId, scope });
      tokenUsers.set(t.accessToken, userId);
      tokenUsers.set(t.refreshToken, userId);
      return t;
    },
    user: (id) => state.user(id),
    addAccount(userId, provider, account, over) {
      const a = makeAccount(provider, account, over);
      state.user(userId).accounts[provider].push(a);
      return a;
    },
    addCalendar(userId, cal) {
      const u = state.user(userId);
      const c: MsCalendar = { title: cal.id, timeZone: 'UTC', account: u.accounts[cal.provider][0]?.id ?? `${userId}@${cal.provider}.example`, ...cal };
      u.calendars.push(c);
      state.version++;
      return c;
    },
    addEvent(userId, e) {
      const ev: MsEvent = { title: 'Event', allDay: false, id: state.nextId('evt_'), lastModified: new Date().toISOString(), ...e };
      state.user(userId).events.set(eventKey(ev.provider, ev.calendarId, ev.id), ev);
      state.version++;
      return ev;
    },
    seedEvents(userId, count, o) {
      const u = state.user(userId);
      const step = (o.stepMinutes ?? 60) * 60_000;
      const t0 = o.start.getTime();
      const lm = new Date().toISOString();
      for (let i = 0; i < count; i++) {
        const s = t0 + i * step;
        const id = `bulk_${i}`;
        u.events.set(eventKey(o.provider, o.calendarId, id), {
          provider: o.provider, id, calendarId: o.calendarId, title: `Event ${i}`, allDay: false,
          start: new Date(s).toISOString(), end: new Date(s + 3_600_000).toISOString(), lastModified: lm,
          description: 'Seeded by the simulator for paging tests', location: 'Room 1',
        });
      }
      state.version++;
    },
    async externalChange(userId, ch) {
      const u = state.user(userId);
      const id = ch.event.id ?? state.nextId('evt_');
      const key = eventKey(ch.provider, ch.calendarId, id);
      let wire: Record<string, unknown>;
      if (ch.changeType === 'deleted') {
        u.events.delete(key);
        wire = { id, provider: ch.provider, calendarId: ch.calendarId };
      } else {
        const prev = u.events.get(key);
        const ev: MsEvent = {
          title: 'External', allDay: false, start: new Date().toISOString(), end: new Date(Date.now() + 3_600_000).toISOString(),
          ...prev, ...ch.event, id, provider: ch.provider, calendarId: ch.calendarId, lastModified: new Date().toISOString(),
        };
        u.events.set(key, ev);
        wire = toWire(ev);
      }
      state.version++;
      return deliver(u, ch.provider, ch.calendarId, [wire], ch.changeType);
    },
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    setWriteShape(shape) {
      writeShape = shape;
    },
    reset() {
      sim.reset();
    },
    close: () => sim.close(),
  };

  function seed(): void {
    const u = 'user-1';
    const accounts: [MsProvider, string][] = [
      ['google', 'alice@gmail.com'], ['microsoft', 'alice@outlook.com'], ['apple', 'alice@icloud.com'], ['caldav', 'alice@dav.example'],
    ];
    for (const [p, a] of accounts) api.addAccount(u, p, a);
    const cals: [MsProvider, string, string][] = [
      ['google', 'alice@gmail.com', 'America/Los_Angeles'],
      ['microsoft', 'AAMkAGI2TGuLAAA=', 'Europe/London'],
      ['apple', '3F2504E0-4F89-11D3-9A0C-0305E82C3301', 'Europe/Budapest'],
      ['caldav', 'https://dav.example/calendars/alice/work/', 'UTC'],
    ];
    const base = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 3, 9);
    cals.forEach(([p, id, tz], i) => {
      api.addCalendar(u, { provider: p, id, title: `${p} calendar`, timeZone: tz, ...(p === 'google' ? { color: '#9fc6e7' } : {}) });
      api.addEvent(u, { provider: p, calendarId: id, title: `${p} meeting`, start: new Date(base + i * 3_600_000).toISOString(), end: new Date(base + (i + 1) * 3_600_000).toISOString() });
    });
    api.addEvent(u, { provider: 'google', calendarId: 'alice@gmail.com', title: 'Offsite', allDay: true, start: new Date(base).toISOString().slice(0, 10), end: new Date(base + 86_400_000).toISOString().slice(0, 10) });
  }

  sim.onReset(() => {
    state.clear();
    deliveries.length = 0;
    tokenUsers.clear();
    hits.clear();
    writeShape = 'root';
    if (options.seed !== false) seed();
  });
  if (options.seed !== false) seed();
  return api;
}
