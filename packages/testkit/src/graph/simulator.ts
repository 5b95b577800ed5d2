import { createSimServer } from '../sim/sim-server.js';
import { createOAuthServer } from '../sim/oauth/oauth-server.js';
import type { OAuthClient, OAuthServer } from '../sim/oauth/types.js';
import type { SimContext, SimServer } from '../sim/types.js';
import { batchHandler, type BatchThrottle } from './batch.js';
import { graphError } from './graph-errors.js';
import { actionRoutes } from './routes-actions.js';
import { attachmentRoutes } from './routes-attachments.js';
import { calendarRoutes } from './routes-calendars.js';
import { deltaRoutes } from './routes-delta.js';
import { createEvent, deleteEvent } from './routes-events.js';
import { eventRoutes } from './routes-events.js';
import { scheduleRoutes } from './routes-schedule.js';
import { GraphRouter } from './router.js';
import { GraphState, type GraphSimUser, type Mailbox, type StoredEvent } from './state.js';

/** Options of {@link startGraphSimulator}. @public */
export interface GraphSimulatorOptions {
  /** Registered apps; default a confidential `graph-app`/`graph-secret` and a public `graph-public`. */
  clients?: OAuthClient[];
  /** Users seeded on start (and after `reset()`); default `user-1` and `user-2`. */
  users?: (Partial<GraphSimUser> & { id: string })[];
  /** Access-token lifetime in seconds. @default 3600 */
  accessTokenTtlSeconds?: number;
  /** Loopback host to bind. */
  host?: string;
}

/** A running Microsoft Graph simulator. @public */
export interface GraphSimulator {
  /** Server root, e.g. `http://127.0.0.1:PORT` (the identity platform's "authority host" too). */
  readonly url: string;
  /** Graph API base, `${url}/v1.0`. */
  readonly baseUrl: string;
  /** Identity endpoints for a tenant (`/{tenant}/oauth2/v2.0/authorize|token`). */
  authorizeUrl(tenant?: string): string;
  tokenUrl(tenant?: string): string;
  readonly sim: SimServer;
  readonly oauth: OAuthServer;
  readonly state: GraphState;
  /** Adds a user (with a default calendar and group). */
  addUser(user: Partial<GraphSimUser> & { id: string }): Mailbox;
  /** Mailbox of a user. */
  mailbox(userId: string): Mailbox;
  /** Creates an event directly (no HTTP). */
  addEvent(userId: string, event: Record<string, unknown>, calendarId?: string): StoredEvent;
  /** Bulk seeding for benchmarks: `count` one-hour events from `start`, `stepMinutes` apart. */
  seedEvents(userId: string, count: number, start?: Date, stepMinutes?: number): void;
  /** Deletes an event directly (leaves a delta tombstone). */
  removeEvent(userId: string, eventId: string): void;
  /** Evicts every delta token: their next use answers 410 `syncStateNotFound`. */
  expireDeltaTokens(): void;
  /** Makes the next inner requests of `$batch` answer 429 with their own `Retry-After`. */
  throttleInBatch(rule: BatchThrottle): void;
  /** Number of `$batch` POSTs received. */
  readonly batches: number;
  /** Seeds a token pair for a user without the HTTP dance. */
  issueToken(userId?: string, clientId?: string): { accessToken: string; refreshToken: string; expiresIn: number };
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_CLIENTS: OAuthClient[] = [{ clientId: 'graph-app', clientSecret: 'graph-secret' }, { clientId: 'graph-public' }];

/**
 * Starts a stateful Microsoft Graph v1.0 calendar simulator on loopback, following Graph's documented
 * wire format: Microsoft-identity-like token endpoint with the tenant in the path, `/me` and
 * `/users/{id}` calendars, events, calendarView paging, delta with `@removed` and 410, `$batch`
 * (with inner 429s), attachments with upload sessions, getSchedule, findMeetingTimes and Graph error
 * bodies. Faults come from the harness (`sim.faults`).
 * @example
 * ```ts
 * const g = await startGraphSimulator();
 * const { accessToken } = g.issueToken('user-1');
 * await fetch(`${g.baseUrl}/me/calendars`, { headers: { authorization: `Bearer ${accessToken}` } });
 * await g.close();
 * ```
 * @public
 */
export async function startGraphSimulator(options: GraphSimulatorOptions = {}): Promise<GraphSimulator> {
  const sim = await createSimServer({ name: 'graph', ...(options.host ? { host: options.host } : {}) });
  const clients = options.clients ?? DEFAULT_CLIENTS;
  const oauth = createOAuthServer(sim, {
    authorizePath: '/:tenant/oauth2/v2.0/authorize',
    tokenPath: '/:tenant/oauth2/v2.0/token',
    revokePath: '/:tenant/oauth2/v2.0/logout',
    clients,
    ...(options.accessTokenTtlSeconds === undefined ? {} : { accessTokenTtlSeconds: options.accessTokenTtlSeconds }),
    scopes: ['https://graph.microsoft.com/Calendars.ReadWrite', 'offline_access'],
    // v2-oauth2-auth-code-flow.md: token responses also carry ext_expires_in.
    tokenResponseExtras: () => ({ ext_expires_in: options.accessTokenTtlSeconds ?? 3600 }),
  });
  const state = new GraphState();
  const seed = () => {
    state.mailboxes.clear();
    for (const u of options.users ?? [{ id: 'user-1', displayName: 'Adele Vance' }, { id: 'user-2', displayName: 'Alex Wilber' }]) state.addUser(u);
  };
  seed();
  const apiBase = () => `${sim.url}/v1.0`;
  const router = new GraphRouter(state);
  calendarRoutes(router);
  eventRoutes(router, state);
  const delta = deltaRoutes(router, state);
  actionRoutes(router, state);
  attachmentRoutes(router, state, sim);
  scheduleRoutes(router, state);
  const batch = batchHandler(router, apiBase);
  sim.onReset(() => {
    seed();
    delta.reset();
    batch.reset();
  });

  /** 401 with Graph's body when the bearer token is missing, unknown or expired. */
  const authenticate = (ctx: SimContext) => {
    const grant = oauth.authenticate(ctx);
    if (!grant) {
      throw graphError(401, 'InvalidAuthenticationToken', ctx.bearer() ? 'Lifetime validation failed, the token is expired.' : 'Access token is empty.', {
        'www-authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token"',
      });
    }
    return grant;
  };
  const api = (ctx: SimContext) =>
    router.dispatch({ method: ctx.method, path: ctx.path.replace(/^\/v1\.0/, ''), query: ctx.query, headers: ctx.headers, body: ctx.body, grant: authenticate(ctx), apiBase: apiBase() });
  sim.route('POST', '/v1.0/$batch', (ctx) => batch.handle(ctx.json(), authenticate(ctx)));
  for (const m of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
    sim.route(m, '/v1.0/me/*', api);
    sim.route(m, '/v1.0/users/:id/*', api);
    sim.route(m, '/v1.0/users/:id', api);
    sim.route(m, '/v1.0/me', api);
  }

  const mailbox = (userId: string): Mailbox => {
    const box = state.find(userId);
    if (!box) throw new Error(`graph simulator: no user ${userId}`);
    return box;
  };

  return {
    url: sim.url,
    baseUrl: apiBase(),
    authorizeUrl: (tenant = 'common') => `${sim.url}/${tenant}/oauth2/v2.0/authorize`,
    tokenUrl: (tenant = 'common') => `${sim.url}/${tenant}/oauth2/v2.0/token`,
    sim,
    oauth,
    state,
    addUser: (u) => state.addUser(u),
    mailbox,
    addEvent: (userId, event, calendarId) => {
      const box = mailbox(userId);
      return createEvent(state, box, calendarId ?? box.defaultCalendarId, event);
    },
    seedEvents(userId, count, start = new Date('2026-01-05T08:00:00Z'), stepMinutes = 60) {
      const box = mailbox(userId);
      const t0 = start.getTime();
      for (let i = 0; i < count; i++) {
        const s = new Date(t0 + i * stepMinutes * 60_000).toISOString().slice(0, 19);
        const e = new Date(t0 + i * stepMinutes * 60_000 + 3_600_000).toISOString().slice(0, 19);
        createEvent(state, box, box.defaultCalendarId, {
          subject: `Event ${i}`,
          body: { contentType: 'text', content: `Body of event ${i}` },
          start: { dateTime: s, timeZone: 'UTC' },
          end: { dateTime: e, timeZone: 'UTC' },
          location: { displayName: `Room ${i % 20}` },
        });
      }
    },
    removeEvent(userId, eventId) {
      const box = mailbox(userId);
      const ev = box.events.get(eventId);
      if (ev) deleteEvent(state, box, ev);
    },
    expireDeltaTokens: () => delta.expireDeltaTokens(),
    throttleInBatch: (rule) => batch.throttleInBatch(rule),
    get batches() {
      return batch.batches;
    },
    issueToken: (userId = 'user-1', clientId = clients[0]?.clientId ?? 'graph-app') => oauth.issue({ userId, clientId }),
    reset: () => sim.reset(),
    close: () => sim.close(),
  };
}
