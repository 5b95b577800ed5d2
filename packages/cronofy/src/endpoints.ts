import { bearerAuth, createHttpClient, type HttpClient, type TokenSet } from '@cal/core';
import createClient, { type Client } from 'openapi-fetch';
import type { ClientState } from './client-state.js';
import { stateOf, type CronofyClient } from './client.js';
import type { components, paths } from './generated/cronofy.js';
import { rememberRequest, send, serializeBody } from './send.js';
import { formatEventTime } from './event-time.js';
import { formatTime } from './time-format.js';
// OAuth rides in this chunk: one chunk shared with the initial code instead of two (each costs a
// gzip stream); oauth4webapi itself still loads only on the first token request (core's import()).
import { cronofyOAuth } from './oauth.js';

export { authorize, onUnauthorized } from './oauth.js';
import type { CronofyAuthorization, CronofyDuration, CronofyEventInput } from './types.js';

/**
 * Every request-making method of `CronofyClient` except the paged reads, one entry each: verb,
 * path, auth (which openapi-fetch client), body mapping and unwrapping. Loaded with `import()` on
 * the first such call, so an app that only reads events never downloads openapi-fetch or these
 * bodies (the client validates first, synchronously: a bad call loads nothing).
 * @packageDocumentation
 */

type Schemas = components['schemas'];
type Api = Client<paths>;

/** Argument-less GETs the client sends itself through core (no chunk to load for everyday reads). */
type DirectMethod = 'account' | 'userinfo' | 'listProfiles' | 'listCalendars' | 'listNotificationChannels' | 'listAvailabilityRules' | 'resources';

/** The other async methods of the client: each one is an entry of {@link ENDPOINTS}. @internal */
export type LazyMethod = Exclude<{ [K in keyof CronofyClient]: CronofyClient[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof CronofyClient], DirectMethod>;

/** One client's openapi-fetch clients: user token, client secret (`Bearer API_KEY`), none (body credentials). */
interface Ctx {
  s: ClientState;
  user: Api;
  app: Api;
  anon: Api;
}

const contexts = new WeakMap<ClientState, Ctx>();

function ctx(s: ClientState): Ctx {
  let c = contexts.get(s);
  if (!c) {
    const api = (http: HttpClient) => {
      const a = createClient<paths>({ baseUrl: s.hosts.api, fetch: http.fetch, bodySerializer: serializeBody });
      a.use(rememberRequest);
      return a;
    };
    const secret = s.options.clientSecret;
    c = { s, user: api(s.http), app: api(createHttpClient({ ...s.base, ...(secret ? { auth: bearerAuth(secret) } : {}) })), anon: api(createHttpClient(s.base)) };
    contexts.set(s, c);
  }
  return c;
}

/** Availability endpoints: the client secret unless `availabilityWithUserToken` (legacy SDKs, §2.8). */
const availabilityApi = (c: Ctx) => (c.s.options.availabilityWithUserToken ? c.user : c.app);

function toAuthorization(tokens: TokenSet): CronofyAuthorization {
  const extra = (tokens.extra ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof extra[k] === 'string' ? (extra[k] as string) : undefined);
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    tokenExpiration: tokens.expiresAt === undefined ? undefined : new Date(tokens.expiresAt),
    scope: tokens.scope,
    accountId: str('account_id'),
    sub: str('sub'),
    linkingProfile: (extra['linking_profile'] as CronofyAuthorization['linkingProfile']) ?? undefined,
    ...(str('application_calendar_id') ? { applicationCalendarId: str('application_calendar_id') } : {}),
  };
}

function duration(value: CronofyDuration): { minutes?: number; hours?: number } {
  return typeof value === 'number' ? { minutes: value } : value;
}

function eventBody<E extends { start: CronofyEventInput['start']; end: CronofyEventInput['end'] }>(event: E, op: string): E {
  // a copy: the caller's event is never mutated (pycronofy does, §10)
  return { ...event, start: formatEventTime(event.start, 'event.start', op), end: formatEventTime(event.end, 'event.end', op) };
}

const EVENTS = '/v1/calendars/{calendar_id}/events' as const;
const RTS = '/v1/real_time_scheduling' as const;
const RULE = '/v1/availability_rules/{availability_rule_id}' as const;
const PERIODS = '/v1/available_periods' as const;
const SERVICE = '/v1/service_account_authorizations' as const;

/**
 * The implementations, by method name; arguments are the method's, already validated.
 * @internal
 */
export const ENDPOINTS: { [K in LazyMethod]: (c: Ctx, ...args: Parameters<CronofyClient[K]>) => ReturnType<CronofyClient[K]> } = {
  // ---------------------------------------------------------------- authorization
  async getAuthorizationFromCode({ s }, code, redirectUri) {
    s.tokens = await cronofyOAuth(s).exchangeCode({ code }, { redirectUri });
    return toAuthorization(s.tokens);
  },
  async refreshAuthorization({ s }) {
    s.tokens = await cronofyOAuth(s).refresh({ force: true });
    return toAuthorization(s.tokens);
  },
  async revokeAuthorization({ s }) {
    await cronofyOAuth(s).revoke();
    s.tokens = undefined;
  },
  async applicationCalendar({ s, anon }, applicationCalendarId) {
    const body = { client_id: s.options.clientId!, client_secret: s.options.clientSecret!, application_calendar_id: applicationCalendarId };
    const res = await send(s.secrets, 'POST', '/v1/application_calendars', anon.POST('/v1/application_calendars', { body }));
    const { access_token, refresh_token, expires_in, scope, token_type: _t, ...extra } = res;
    const tokens: TokenSet = {
      accessToken: access_token,
      ...(refresh_token ? { refreshToken: refresh_token } : {}),
      ...(typeof expires_in === 'number' ? { expiresAt: Date.now() + expires_in * 1000 } : {}),
      ...(scope ? { scope } : {}),
      extra,
    };
    s.tokens = tokens;
    if (s.options.clientId && s.options.clientSecret) await cronofyOAuth(s).setTokens(tokens);
    await s.options.onTokensRefreshed?.(tokens);
    return toAuthorization(tokens);
  },

  // ---------------------------------------------------------------- identity and calendars
  async revokeProfile({ s, user }, profileId) {
    const path = '/v1/profiles/{profile_id}/revoke' as const;
    await send(s.secrets, 'POST', path, user.POST(path, { params: { path: { profile_id: profileId } } }));
  },
  async createCalendar({ s, user }, profileId, name, options = {}) {
    const body = { profile_id: profileId, name, ...(options.color ? { color: options.color } : {}) };
    return (await send(s.secrets, 'POST', '/v1/calendars', user.POST('/v1/calendars', { body }))).calendar;
  },

  // ---------------------------------------------------------------- events
  async upsertEvent({ s, user }, calendarId, event) {
    const body = eventBody(event, 'upsertEvent') as Schemas['UpsertEvent'];
    const data = await send(s.secrets, 'POST', EVENTS, user.POST(EVENTS, { params: { path: { calendar_id: calendarId } }, body }));
    return (data as Record<string, unknown> | undefined) ?? undefined;
  },
  // JSON bodies on DELETE (reference §3.6)
  async deleteEvent({ s, user }, calendarId, eventId) {
    await send(s.secrets, 'DELETE', EVENTS, user.DELETE(EVENTS, { params: { path: { calendar_id: calendarId } }, body: { event_id: eventId } }));
  },
  async deleteExternalEvent({ s, user }, calendarId, eventUid) {
    await send(s.secrets, 'DELETE', EVENTS, user.DELETE(EVENTS, { params: { path: { calendar_id: calendarId } }, body: { event_uid: eventUid } }));
  },
  async deleteAllEvents({ s, user }, options = {}) {
    // `{delete_all:true}` or `{calendar_ids}`, never both; pycronofy wrongly uses query parameters
    const body = options.calendarIds ? { calendar_ids: [...options.calendarIds] } : { delete_all: true };
    await send(s.secrets, 'DELETE', '/v1/events', user.DELETE('/v1/events', { body }));
  },
  async changeParticipationStatus({ s, user }, calendarId, eventUid, status) {
    const path = '/v1/calendars/{calendar_id}/events/{event_uid}/participation_status' as const;
    await send(s.secrets, 'POST', path, user.POST(path, { params: { path: { calendar_id: calendarId, event_uid: eventUid } }, body: { status } }));
  },

  // ---------------------------------------------------------------- notification channels
  async createNotificationChannel({ s, user }, callbackUrl, options = {}) {
    const filters = {
      ...(options.calendarIds ? { calendar_ids: [...options.calendarIds] } : {}),
      ...(options.onlyManaged !== undefined ? { only_managed: options.onlyManaged } : {}),
    };
    const body = { callback_url: callbackUrl, ...(Object.keys(filters).length ? { filters } : {}) };
    return (await send(s.secrets, 'POST', '/v1/channels', user.POST('/v1/channels', { body }))).channel;
  },
  async closeNotificationChannel({ s, user }, channelId) {
    const path = '/v1/channels/{channel_id}' as const;
    await send(s.secrets, 'DELETE', path, user.DELETE(path, { params: { path: { channel_id: channelId } } }));
  },

  // ---------------------------------------------------------------- scheduling (application auth)
  availability(c, query) {
    const body: Schemas['AvailabilityRequest'] = {
      participants: query.participants.map((g) =>
        typeof g === 'string'
          ? { members: [{ sub: g }], required: 'all' }
          : { members: g.members.map((m) => (typeof m === 'string' ? { sub: m } : { ...m })), required: g.required ?? 'all' },
      ),
      required_duration: duration(query.requiredDuration),
      query_periods: query.queryPeriods.map((p, i) => ({
        start: formatTime(p.start, `queryPeriods[${i}].start`, 'availability'),
        end: formatTime(p.end, `queryPeriods[${i}].end`, 'availability'),
      })),
      ...(query.buffer ? { buffer: query.buffer } : {}),
      ...(query.startInterval !== undefined ? { start_interval: duration(query.startInterval) } : {}),
      ...(query.responseFormat ? { response_format: query.responseFormat } : {}),
      ...(query.maxResults !== undefined ? { max_results: query.maxResults } : {}),
    };
    return send(c.s.secrets, 'POST', '/v1/availability', availabilityApi(c).POST('/v1/availability', { body }));
  },
  realTimeScheduling: async ({ s, app }, request) => (await send(s.secrets, 'POST', RTS, app.POST(RTS, { body: request }))).real_time_scheduling,
  async getRealTimeScheduling({ s, app }, by) {
    if ('id' in by) {
      const path = '/v1/real_time_scheduling/{id}' as const;
      return (await send(s.secrets, 'GET', path, app.GET(path, { params: { path: { id: by.id } } }))).real_time_scheduling;
    }
    return (await send(s.secrets, 'GET', RTS, app.GET(RTS, { params: { query: { token: by.token } } }))).real_time_scheduling;
  },
  async disableRealTimeScheduling({ s, app }, id, displayMessage) {
    const path = '/v1/real_time_scheduling/{id}/disable' as const;
    const body = displayMessage === undefined ? {} : { display_message: displayMessage };
    return (await send(s.secrets, 'POST', path, app.POST(path, { params: { path: { id } }, body }))).real_time_scheduling;
  },
  upsertSmartInvite: ({ s, app }, invite) =>
    send(s.secrets, 'POST', '/v1/smart_invites', app.POST('/v1/smart_invites', { body: { ...invite, event: eventBody(invite.event as CronofyEventInput, 'upsertSmartInvite') } })),
  cancelSmartInvite: ({ s, app }, smartInviteId, recipientEmail) =>
    send(s.secrets, 'POST', '/v1/smart_invites', app.POST('/v1/smart_invites', { body: { method: 'cancel', smart_invite_id: smartInviteId, recipient: { email: recipientEmail } } })),
  getSmartInvite: ({ s, app }, smartInviteId, recipientEmail) =>
    send(s.secrets, 'GET', '/v1/smart_invites', app.GET('/v1/smart_invites', { params: { query: { smart_invite_id: smartInviteId, recipient_email: recipientEmail } } })),
  async elementToken({ s, app }, options) {
    const body = {
      version: '1',
      permissions: [...options.permissions],
      origin: options.origin,
      ...(options.subs ? { subs: [...options.subs] } : {}),
      ...(options.bookableEventIds ? { bookable_event_ids: [...options.bookableEventIds] } : {}),
    };
    return (await send(s.secrets, 'POST', '/v1/element_tokens', app.POST('/v1/element_tokens', { body }))).element_token;
  },
  async sequencedAvailability(c, request) {
    const { query_periods, ...rest } = request;
    const op = 'sequencedAvailability';
    const body = {
      ...rest,
      ...(query_periods ? { query_periods: query_periods.map((p, i) => ({ start: formatTime(p.start, `query_periods[${i}].start`, op), end: formatTime(p.end, `query_periods[${i}].end`, op) })) } : {}),
    };
    return (await send(c.s.secrets, 'POST', '/v1/sequenced_availability', availabilityApi(c).POST('/v1/sequenced_availability', { body }))).sequences;
  },
  async realTimeSequencing({ s, app }, request) {
    const body = request as Schemas['RealTimeSchedulingRequest'];
    return (await send(s.secrets, 'POST', '/v1/real_time_sequencing', app.POST('/v1/real_time_sequencing', { body }))).real_time_scheduling;
  },

  // ---------------------------------------------------------------- availability rules and periods
  upsertAvailabilityRule: async ({ s, user }, rule) => (await send(s.secrets, 'POST', '/v1/availability_rules', user.POST('/v1/availability_rules', { body: rule }))).availability_rule,
  // a GET: cronofy-node once used POST (node#78)
  getAvailabilityRule: async ({ s, user }, availabilityRuleId) =>
    (await send(s.secrets, 'GET', RULE, user.GET(RULE, { params: { path: { availability_rule_id: availabilityRuleId } } }))).availability_rule,
  async deleteAvailabilityRule({ s, user }, availabilityRuleId) {
    await send(s.secrets, 'DELETE', RULE, user.DELETE(RULE, { params: { path: { availability_rule_id: availabilityRuleId } } }));
  },
  async upsertAvailablePeriod({ s, user }, period) {
    const op = 'upsertAvailablePeriod';
    const body = { ...period, start: formatTime(period.start, 'start', op), end: formatTime(period.end, 'end', op) };
    await send(s.secrets, 'POST', PERIODS, user.POST(PERIODS, { body }));
  },
  async deleteAvailablePeriod({ s, user }, availablePeriodId) {
    await send(s.secrets, 'DELETE', PERIODS, user.DELETE(PERIODS, { body: { available_period_id: availablePeriodId } }));
  },
  async deleteAllAvailablePeriods({ s, user }) {
    await send(s.secrets, 'DELETE', PERIODS, user.DELETE(PERIODS, { body: { delete_all: true } }));
  },

  // ---------------------------------------------------------------- permissions, service accounts, conferencing
  async elevatedPermissions({ s, user }, permissions, redirectUri) {
    const body = { permissions: [...permissions], ...(redirectUri ? { redirect_uri: redirectUri } : {}) };
    return (await send(s.secrets, 'POST', '/v1/permissions', user.POST('/v1/permissions', { body }))).permissions_request;
  },
  async conferencingServiceAuthorizationUrl({ s, user }, redirectUri, providerName) {
    const body = { redirect_uri: redirectUri, ...(providerName ? { provider_name: providerName } : {}) };
    const path = '/v1/conferencing_service_authorizations' as const;
    return (await send(s.secrets, 'POST', path, user.POST(path, { body }))).authorization_request.url;
  },
  async authorizeWithServiceAccount({ s, user }, email, scope, callbackUrl, state) {
    const body = { email, scope, callback_url: callbackUrl, ...(state ? { state } : {}) };
    await send(s.secrets, 'POST', SERVICE, user.POST(SERVICE, { body }));
  },
  async authorizeMultipleAccountsViaServiceAccount({ s, user }, accounts, state) {
    const body = {
      service_account_authorizations: accounts.map((a) => ({ email: a.email, scope: a.scope, callback_url: a.callbackUrl, ...(a.state ? { state: a.state } : {}) })),
      ...(state ? { state } : {}),
    };
    await send(s.secrets, 'POST', SERVICE, user.POST(SERVICE, { body }));
  },

  // ---------------------------------------------------------------- batch
  async batch({ s, user }, entries) {
    const body = { batch: entries.map((e) => ({ method: e.method, relative_url: e.relativeUrl, ...(e.data ? { data: e.data } : {}) })) };
    const res = await send(s.secrets, 'POST', '/v1/batch', user.POST('/v1/batch', { body }));
    // 207 is not an error; every 2xx entry is a success (pycronofy/ruby flag 200/201 as failures, §3.13)
    const responses = (res?.batch ?? []).map((r) => ({ status: r.status, ...(r.data ? { data: r.data } : {}) }));
    const failures = responses.flatMap((r, index) => (r.status >= 200 && r.status < 300 ? [] : [{ index, ...r }]));
    return { responses, ok: failures.length === 0, failures };
  },
};

/**
 * Runs method `name` of `client` with its (validated) arguments.
 * @internal
 */
export function run<K extends LazyMethod>(client: CronofyClient, name: K, args: Parameters<CronofyClient[K]>): ReturnType<CronofyClient[K]> {
  return (ENDPOINTS[name] as (c: Ctx, ...a: unknown[]) => ReturnType<CronofyClient[K]>)(ctx(stateOf(client)), ...args);
}
