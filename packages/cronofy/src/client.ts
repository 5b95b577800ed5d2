import {
  DEFAULT_TIMEOUT,
  bearerAuth,
  createHttpClient,
  ValidationError,
  type AuthStrategy,
  type HttpClient,
  type TokenSet,
} from '@cal/core';
import type { OAuth2Auth } from '@cal/core/oauth2';
import createClient, { type Client } from 'openapi-fetch';
import { cronofyHosts, type CronofyDataCenter, type CronofyHosts } from './data-centers.js';
import { parseCronofyError } from './errors.js';
import type { components, paths } from './generated/cronofy.js';
import { CronofyPages, type CronofyPageJson } from './pages.js';
import { getAbsolute, rememberRequest, send as sendWith, serializeBody } from './send.js';
import { formatDateOrTime, formatEventTime, formatTime, type CronofyTime } from './time-format.js';
import type {
  AvailabilityQuery,
  BatchEntry,
  BatchResult,
  CronofyAccount,
  CronofyAuthorization,
  CronofyAvailabilityRule,
  CronofyAvailablePeriod,
  CronofyCalendar,
  CronofyChannel,
  CronofyClientOptions,
  CronofyDuration,
  CronofyEvent,
  CronofyEventInput,
  CronofyFreeBusy,
  CronofyProfile,
  CronofyRealTimeScheduling,
  CronofySmartInvite,
  CronofyUserinfo,
  ParticipationStatus,
  ReadEventsParams,
  ReadAvailablePeriodsParams,
  ReadFreeBusyParams,
  ServiceAccountAuthorization,
  UserAuthLinkOptions,
} from './types.js';
import { runValidation, type Credential } from './validate.js';

const VERSION = '0.1.0';
/** pycronofy's default scope (reference §2.1). */
const DEFAULT_SCOPE = 'read_account list_calendars read_events create_event delete_event';

type Schemas = components['schemas'];

function toEpoch(value: Date | number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

function duration(value: CronofyDuration): { minutes?: number; hours?: number } {
  return typeof value === 'number' ? { minutes: value } : value;
}

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

/**
 * Cronofy API client: pycronofy's surface (same method names in camelCase) plus availability,
 * real-time scheduling, smart invites, element tokens, batch and application calendars.
 *
 * - Every datetime goes out as UTC ISO 8601 without milliseconds; `Date`, ISO strings (any offset)
 *   and `YYYY-MM-DD` (all-day) are accepted.
 * - Auth per endpoint as the docs say (reference §2.8): user token for account/calendar/event/channel
 *   calls, the client secret (`Bearer API_KEY`) for availability, RTS, smart invites and element
 *   tokens, body credentials for OAuth and application calendars.
 * - Bad input throws `ValidationError` before any request ({@link CronofyClient.validate}).
 * - A 401 triggers one single-flight token refresh (core's OAuth 2); 429/5xx on idempotent calls
 *   are retried with backoff (Retry-After honoured), then surface as `RateLimitError`/`ServerError`.
 * - Return policy: single-object wrappers are unwrapped (`account`, `calendar`, `channel`,
 *   `element_token`, `real_time_scheduling`), lists are returned as arrays, multi-field
 *   responses (userinfo, availability, smart invites) as they come.
 * @example
 * ```ts
 * const cronofy = new CronofyClient({ accessToken: process.env.CRONOFY_TOKEN, dataCenter: 'uk' });
 * for await (const event of cronofy.readEvents({ fromDate: '2026-01-01', toDate: '2026-02-01', tzid: 'Europe/London' })) {
 *   console.log(event.summary);
 * }
 * ```
 * @public
 */
export class CronofyClient {
  /** The data center id. */
  readonly dataCenter: CronofyDataCenter;
  /** API and app hosts in use. */
  readonly hosts: CronofyHosts;
  readonly #options: CronofyClientOptions;
  /**
   * OAuth (core's createOAuth2Auth on oauth4webapi), created on first use through a dynamic
   * import: an app that only reads with a stored or personal token never loads it when its bundler
   * splits chunks (about 24 KB minified of the bundle).
   */
  readonly #oauth: (() => Promise<OAuth2Auth>) | undefined;
  readonly #http: HttpClient;
  readonly #appHttp: HttpClient;
  readonly #anonHttp: HttpClient;
  readonly #api: Client<paths>;
  readonly #appApi: Client<paths>;
  readonly #anonApi: Client<paths>;
  #tokens: TokenSet | undefined;

  constructor(options: CronofyClientOptions = {}) {
    this.#options = options;
    const dataCenter = (options.dataCenter ?? 'us').toLowerCase() as CronofyDataCenter;
    const hosts = options.hosts ?? cronofyHosts(dataCenter);
    if (!hosts) {
      throw new ValidationError(`Unknown Cronofy data center "${String(options.dataCenter)}"`, {
        provider: 'cronofy',
        operation: 'constructor',
        details: [{ field: 'dataCenter', key: 'invalid', description: 'one of us, uk, de, ca, au, sg' }],
      });
    }
    this.dataCenter = dataCenter;
    this.hosts = { api: hosts.api.replace(/\/+$/, ''), app: hosts.app.replace(/\/+$/, '') };
    const expiresAt = toEpoch(options.tokenExpiration);
    if (options.accessToken || options.refreshToken) {
      this.#tokens = {
        // only a refresh token: an empty, already-expired access token makes the first call refresh
        accessToken: options.accessToken ?? '',
        ...(options.refreshToken ? { refreshToken: options.refreshToken } : {}),
        ...(expiresAt !== undefined ? { expiresAt } : options.accessToken ? {} : { expiresAt: 0 }),
      };
    }

    let userAuth: AuthStrategy | undefined;
    if (options.clientId && options.clientSecret) {
      const clientId = options.clientId;
      const clientSecret = options.clientSecret;
      const initial = this.#tokens;
      let loading: Promise<OAuth2Auth> | undefined;
      this.#oauth = () =>
        (loading ??= import('@cal/core/oauth2').then(({ createOAuth2Auth }) =>
          createOAuth2Auth({
            provider: 'cronofy',
            clientId,
            clientSecret,
            clientAuth: 'post', // client_id + client_secret in the body (§2.2); no SDK uses Basic
            authorizationEndpoint: `${this.hosts.app}/oauth/authorize`,
            tokenEndpoint: `${this.hosts.api}/oauth/token`,
            revocationEndpoint: `${this.hosts.api}/oauth/token/revoke`,
            revokeTokenType: 'refresh_token', // docs recommend it: it cannot have expired (pycronofy#59)
            ...(initial ? { tokens: initial } : {}),
            ...(options.tokenStore ? { tokenStore: options.tokenStore } : {}),
            ...(options.storeKey ? { storeKey: options.storeKey } : {}),
            ...(options.fetch ? { fetch: options.fetch } : {}),
            onTokensRefreshed: async (tokens) => {
              this.#tokens = tokens;
              await options.onTokensRefreshed?.(tokens);
            },
          }),
        ));
      const oauth = this.#oauth;
      userAuth = {
        kind: 'oauth2',
        authorize: async (request) => {
          const auth = await oauth();
          const authorized = await auth.authorize(request);
          // tokens may come from the store: keep the sync snapshot (isAuthorizationExpired, tokens) current
          this.#tokens = (await auth.getTokens()) ?? this.#tokens;
          return authorized;
        },
        onUnauthorized: async (request, response) => (await oauth()).onUnauthorized?.(request, response) ?? false,
        secrets: () => this.#secrets(),
      };
    } else if (options.accessToken) {
      // a personal access token (or a token managed elsewhere): no refresh possible
      userAuth = bearerAuth(() => this.#tokens?.accessToken ?? '');
    }

    const base = {
      provider: 'cronofy',
      baseUrl: this.hosts.api,
      userAgent: `@cal/cronofy/${VERSION}`,
      parseError: (response: Response, body: unknown) => parseCronofyError(response.status, body),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      timeout: options.timeout ?? DEFAULT_TIMEOUT,
      ...(options.retry !== undefined ? { retry: options.retry } : {}),
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    };
    this.#http = createHttpClient({ ...base, ...(userAuth ? { auth: userAuth } : {}) });
    const secret = options.clientSecret;
    this.#appHttp = createHttpClient({ ...base, ...(secret ? { auth: bearerAuth(secret) } : {}) });
    this.#anonHttp = createHttpClient(base);
    const client = (http: HttpClient) => {
      const api = createClient<paths>({ baseUrl: this.hosts.api, fetch: http.fetch, bodySerializer: serializeBody });
      api.use(rememberRequest);
      return api;
    };
    this.#api = client(this.#http);
    this.#appApi = client(this.#appHttp);
    this.#anonApi = client(this.#anonHttp);
  }

  /** Every secret this client may hold, scrubbed from errors whichever credential a call used. */
  #secrets = (): string[] =>
    [this.#tokens?.accessToken, this.#tokens?.refreshToken, this.#options.accessToken, this.#options.refreshToken, this.#options.clientSecret].filter(
      (s): s is string => typeof s === 'string' && s.length > 0,
    );

  // ---------------------------------------------------------------- validation

  /**
   * Runs the client-side checks of `methodName` with these arguments (credentials, required
   * arguments, date formats) without making any request, like pycronofy's `validate`.
   * @throws ValidationError with `operation` = the method and one `details` entry per bad field
   */
  validate(methodName: string, ...args: unknown[]): void {
    runValidation(methodName, args, this.#credentialState());
  }

  #credentialState(): Record<Credential, boolean> & { availabilityWithUserToken: boolean } {
    const o = this.#options;
    const t = this.#tokens;
    return {
      accessToken: Boolean(t?.accessToken || t?.refreshToken || (o.tokenStore && this.#oauth)),
      refreshToken: Boolean(t?.refreshToken || (o.tokenStore && this.#oauth)),
      clientId: Boolean(o.clientId),
      clientSecret: Boolean(o.clientSecret),
      availabilityWithUserToken: Boolean(o.availabilityWithUserToken),
    };
  }

  // ---------------------------------------------------------------- authorization

  /**
   * URL of the consent page on the data center's app host (reference §2.1). Only the parameters
   * you set are sent (pycronofy sends empty ones).
   */
  userAuthLink(redirectUri: string, options: UserAuthLinkOptions = {}): string {
    this.validate('userAuthLink', redirectUri, options);
    const url = new URL(`${this.hosts.app}/oauth/authorize`);
    const p = url.searchParams;
    p.set('response_type', 'code');
    p.set('client_id', this.#options.clientId!);
    p.set('redirect_uri', redirectUri);
    const scope = options.scope ?? DEFAULT_SCOPE;
    p.set('scope', typeof scope === 'string' ? scope : scope.join(' '));
    if (options.state) p.set('state', options.state);
    if (options.avoidLinking !== undefined) p.set('avoid_linking', String(options.avoidLinking));
    if (options.providerName) p.set('provider_name', options.providerName);
    for (const [k, v] of Object.entries(options.params ?? {})) p.set(k, v);
    return url.toString();
  }

  /** Exchanges the code from the redirect for tokens; the client uses them from now on. */
  async getAuthorizationFromCode(code: string, redirectUri: string): Promise<CronofyAuthorization> {
    this.validate('getAuthorizationFromCode', code, redirectUri);
    const tokens = await (await this.#oauth!()).exchangeCode({ code }, { redirectUri });
    this.#tokens = tokens;
    return toAuthorization(tokens);
  }

  /** Gets a new access token with the refresh token (the rotated refresh token is kept). */
  async refreshAuthorization(): Promise<CronofyAuthorization> {
    this.validate('refreshAuthorization');
    const tokens = await (await this.#oauth!()).refresh({ force: true });
    this.#tokens = tokens;
    return toAuthorization(tokens);
  }

  /** Revokes the authorization by sending the refresh token (docs' advice; pycronofy sends the access token), then forgets the tokens. */
  async revokeAuthorization(): Promise<void> {
    this.validate('revokeAuthorization');
    await (await this.#oauth!()).revoke();
    this.#tokens = undefined;
  }

  /**
   * True when there is no access token or its known expiry has passed. A token without a known
   * expiry (a personal access token) is not reported expired (pycronofy always says expired).
   */
  isAuthorizationExpired(): boolean {
    const t = this.#tokens;
    if (!t?.accessToken) return true;
    return t.expiresAt !== undefined && Date.now() >= t.expiresAt;
  }

  /** Current tokens, if any (persist them, or pass a `tokenStore`). */
  get tokens(): TokenSet | undefined {
    return this.#tokens;
  }

  /**
   * Creates (first call) or returns an application calendar and switches this client to its
   * tokens (reference §3.2). Uses body credentials.
   */
  async applicationCalendar(applicationCalendarId: string): Promise<CronofyAuthorization> {
    this.validate('applicationCalendar', applicationCalendarId);
    const body = { client_id: this.#options.clientId!, client_secret: this.#options.clientSecret!, application_calendar_id: applicationCalendarId };
    const res = await sendWith(this.#secrets, 'POST', '/v1/application_calendars', this.#anonApi.POST('/v1/application_calendars', { body }));
    const { access_token, refresh_token, expires_in, scope, token_type: _t, ...extra } = res;
    const tokens: TokenSet = {
      accessToken: access_token,
      ...(refresh_token ? { refreshToken: refresh_token } : {}),
      ...(typeof expires_in === 'number' ? { expiresAt: Date.now() + expires_in * 1000 } : {}),
      ...(scope ? { scope } : {}),
      extra,
    };
    this.#tokens = tokens;
    if (this.#oauth) await (await this.#oauth()).setTokens(tokens);
    await this.#options.onTokensRefreshed?.(tokens);
    return toAuthorization(tokens);
  }

  // ---------------------------------------------------------------- identity

  /** `GET /v1/account` → the account. */
  async account(): Promise<CronofyAccount> {
    this.validate('account');
    return (await sendWith(this.#secrets, 'GET', '/v1/account', this.#api.GET('/v1/account'))).account;
  }

  /** `GET /v1/userinfo` → the whole userinfo object. */
  async userinfo(): Promise<CronofyUserinfo> {
    this.validate('userinfo');
    return sendWith(this.#secrets, 'GET', '/v1/userinfo', this.#api.GET('/v1/userinfo'));
  }

  /** `GET /v1/profiles` → the profiles. */
  async listProfiles(): Promise<CronofyProfile[]> {
    this.validate('listProfiles');
    return (await sendWith(this.#secrets, 'GET', '/v1/profiles', this.#api.GET('/v1/profiles'))).profiles;
  }

  /** Revokes one profile's authorization (`POST /v1/profiles/{id}/revoke`, no body). */
  async revokeProfile(profileId: string): Promise<void> {
    this.validate('revokeProfile', profileId);
    await sendWith(this.#secrets, 'POST', '/v1/profiles/{profile_id}/revoke', this.#api.POST('/v1/profiles/{profile_id}/revoke', { params: { path: { profile_id: profileId } } }));
  }

  // ---------------------------------------------------------------- calendars

  /** `GET /v1/calendars` → the calendars. */
  async listCalendars(): Promise<CronofyCalendar[]> {
    this.validate('listCalendars');
    return (await sendWith(this.#secrets, 'GET', '/v1/calendars', this.#api.GET('/v1/calendars'))).calendars;
  }

  /** Creates a calendar in a profile. A duplicate name is a `ValidationError` (422 `errors.duplicate_calendar_name`). */
  async createCalendar(profileId: string, name: string, options: { color?: string } = {}): Promise<CronofyCalendar> {
    this.validate('createCalendar', profileId, name);
    const body = { profile_id: profileId, name, ...(options.color ? { color: options.color } : {}) };
    return (await sendWith(this.#secrets, 'POST', '/v1/calendars', this.#api.POST('/v1/calendars', { body }))).calendar;
  }

  // ---------------------------------------------------------------- events

  /**
   * Reads events (`GET /v1/events`) as a lazy paged result that follows `pages.next_page`.
   * `includeManaged` is not defaulted to true (pycronofy does): the API's default applies.
   */
  readEvents(params: ReadEventsParams = {}): CronofyPages<'events', CronofyEvent> {
    this.validate('readEvents', params);
    const query = {
      tzid: params.tzid ?? 'Etc/UTC',
      ...this.#range(params, 'readEvents'),
      ...(params.lastModified !== undefined ? { last_modified: formatTime(params.lastModified, 'lastModified', 'readEvents') } : {}),
      ...flags({
        include_deleted: params.includeDeleted,
        include_moved: params.includeMoved,
        include_managed: params.includeManaged,
        only_managed: params.onlyManaged,
        localized_times: params.localizedTimes,
        include_geo: params.includeGeo,
      }),
      ...(params.calendarIds ? { 'calendar_ids[]': [...params.calendarIds] } : {}),
    };
    return new CronofyPages('events', (next, signal) =>
      next
        ? getAbsolute<CronofyPageJson<'events', CronofyEvent>>(this.#http, this.#secrets, next, signal)
        : sendWith(this.#secrets, 'GET', '/v1/events', this.#api.GET('/v1/events', { params: { query }, ...(signal ? { signal } : {}) })),
    );
  }

  /** Reads free/busy blocks (`GET /v1/free_busy`), paged like {@link CronofyClient.readEvents}. */
  readFreeBusy(params: ReadFreeBusyParams = {}): CronofyPages<'free_busy', CronofyFreeBusy> {
    this.validate('readFreeBusy', params);
    const query = {
      tzid: params.tzid ?? 'Etc/UTC',
      ...this.#range(params, 'readFreeBusy'),
      ...flags({ include_managed: params.includeManaged, localized_times: params.localizedTimes }),
      ...(params.calendarIds ? { 'calendar_ids[]': [...params.calendarIds] } : {}),
    };
    return new CronofyPages('free_busy', (next, signal) =>
      next
        ? getAbsolute<CronofyPageJson<'free_busy', CronofyFreeBusy>>(this.#http, this.#secrets, next, signal)
        : sendWith(this.#secrets, 'GET', '/v1/free_busy', this.#api.GET('/v1/free_busy', { params: { query }, ...(signal ? { signal } : {}) })),
    );
  }

  #range(params: { fromDate?: Date | string; toDate?: Date | string }, op: string): { from?: string; to?: string } {
    return {
      ...(params.fromDate !== undefined ? { from: formatDateOrTime(params.fromDate, 'fromDate', op) } : {}),
      ...(params.toDate !== undefined ? { to: formatDateOrTime(params.toDate, 'toDate', op) } : {}),
    };
  }

  /**
   * Creates or updates an event keyed by `event_id` (or edits an external event by `event_uid`).
   * The input is not mutated. Returns the response body when the API sends one (usually 202, none).
   */
  async upsertEvent(calendarId: string, event: CronofyEventInput): Promise<Record<string, unknown> | undefined> {
    this.validate('upsertEvent', calendarId, event);
    const body = {
      ...event,
      start: formatEventTime(event.start, 'event.start', 'upsertEvent'),
      end: formatEventTime(event.end, 'event.end', 'upsertEvent'),
    } as Schemas['UpsertEvent'];
    const path = '/v1/calendars/{calendar_id}/events' as const;
    const data = await sendWith(this.#secrets, 'POST', path, this.#api.POST(path, { params: { path: { calendar_id: calendarId } }, body }));
    return (data as Record<string, unknown> | undefined) ?? undefined;
  }

  /** Deletes a managed event by your `event_id` (JSON body, reference §3.6). */
  async deleteEvent(calendarId: string, eventId: string): Promise<void> {
    this.validate('deleteEvent', calendarId, eventId);
    await this.#deleteEvents(calendarId, { event_id: eventId });
  }

  /** Deletes an external event by its `event_uid` (needs elevated permissions). */
  async deleteExternalEvent(calendarId: string, eventUid: string): Promise<void> {
    this.validate('deleteExternalEvent', calendarId, eventUid);
    await this.#deleteEvents(calendarId, { event_uid: eventUid });
  }

  async #deleteEvents(calendarId: string, body: { event_id?: string; event_uid?: string }): Promise<void> {
    const path = '/v1/calendars/{calendar_id}/events' as const;
    await sendWith(this.#secrets, 'DELETE', path, this.#api.DELETE(path, { params: { path: { calendar_id: calendarId } }, body }));
  }

  /**
   * Deletes all managed events, or those of the given calendars (`DELETE /v1/events` with a JSON
   * body `{delete_all:true}` or `{calendar_ids}`, never both; pycronofy uses query parameters).
   */
  async deleteAllEvents(options: { calendarIds?: readonly string[] } = {}): Promise<void> {
    this.validate('deleteAllEvents', options);
    const body = options.calendarIds ? { calendar_ids: [...options.calendarIds] } : { delete_all: true };
    await sendWith(this.#secrets, 'DELETE', '/v1/events', this.#api.DELETE('/v1/events', { body }));
  }

  /** Accepts, tentatively accepts or declines an event invitation (reference §3.8). */
  async changeParticipationStatus(calendarId: string, eventUid: string, status: ParticipationStatus): Promise<void> {
    this.validate('changeParticipationStatus', calendarId, eventUid, status);
    const path = '/v1/calendars/{calendar_id}/events/{event_uid}/participation_status' as const;
    await sendWith(this.#secrets, 'POST', path, this.#api.POST(path, { params: { path: { calendar_id: calendarId, event_uid: eventUid } }, body: { status } }));
  }

  // ---------------------------------------------------------------- notification channels

  /** Creates a push notification channel; Cronofy POSTs signed notifications to `callbackUrl`. */
  async createNotificationChannel(callbackUrl: string, options: { calendarIds?: readonly string[]; onlyManaged?: boolean } = {}): Promise<CronofyChannel> {
    this.validate('createNotificationChannel', callbackUrl, options);
    const filters = {
      ...(options.calendarIds ? { calendar_ids: [...options.calendarIds] } : {}),
      ...(options.onlyManaged !== undefined ? { only_managed: options.onlyManaged } : {}),
    };
    const body = { callback_url: callbackUrl, ...(Object.keys(filters).length ? { filters } : {}) };
    return (await sendWith(this.#secrets, 'POST', '/v1/channels', this.#api.POST('/v1/channels', { body }))).channel;
  }

  /** Lists notification channels. */
  async listNotificationChannels(): Promise<CronofyChannel[]> {
    this.validate('listNotificationChannels');
    return (await sendWith(this.#secrets, 'GET', '/v1/channels', this.#api.GET('/v1/channels'))).channels;
  }

  /** Closes a notification channel. */
  async closeNotificationChannel(channelId: string): Promise<void> {
    this.validate('closeNotificationChannel', channelId);
    const path = '/v1/channels/{channel_id}' as const;
    await sendWith(this.#secrets, 'DELETE', path, this.#api.DELETE(path, { params: { path: { channel_id: channelId } } }));
  }

  // ---------------------------------------------------------------- scheduling (application auth)

  /**
   * Availability query (`POST /v1/availability`), authenticated with the client secret as the docs
   * say (legacy SDKs send the user token; opt in with `availabilityWithUserToken`). Member strings
   * become `{sub}`, a missing `required` becomes `"all"`, numbers become `{minutes}`.
   */
  async availability(query: AvailabilityQuery): Promise<Schemas['AvailabilityResponse']> {
    this.validate('availability', query);
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
    const api = this.#options.availabilityWithUserToken ? this.#api : this.#appApi;
    return sendWith(this.#secrets, 'POST', '/v1/availability', api.POST('/v1/availability', { body }));
  }

  /** Creates a Real-Time Scheduling link (`POST /v1/real_time_scheduling`, client-secret auth); request in the API's shape, `Date`s allowed. */
  async realTimeScheduling(request: Schemas['RealTimeSchedulingRequest']): Promise<CronofyRealTimeScheduling> {
    this.validate('realTimeScheduling', request);
    return (await sendWith(this.#secrets, 'POST', '/v1/real_time_scheduling', this.#appApi.POST('/v1/real_time_scheduling', { body: request }))).real_time_scheduling;
  }

  /** Status of a Real-Time Scheduling link, by `{ id }` or by the `{ token }` appended to the redirect. */
  async getRealTimeScheduling(by: { id: string } | { token: string }): Promise<CronofyRealTimeScheduling> {
    this.validate('getRealTimeScheduling', by);
    if ('id' in by) {
      const path = '/v1/real_time_scheduling/{id}' as const;
      return (await sendWith(this.#secrets, 'GET', path, this.#appApi.GET(path, { params: { path: { id: by.id } } }))).real_time_scheduling;
    }
    const path = '/v1/real_time_scheduling' as const;
    return (await sendWith(this.#secrets, 'GET', path, this.#appApi.GET(path, { params: { query: { token: by.token } } }))).real_time_scheduling;
  }

  /** Disables a Real-Time Scheduling link, with an optional message (< 500 characters) for visitors. */
  async disableRealTimeScheduling(id: string, displayMessage?: string): Promise<CronofyRealTimeScheduling> {
    this.validate('disableRealTimeScheduling', id, displayMessage);
    const path = '/v1/real_time_scheduling/{id}/disable' as const;
    const body = displayMessage === undefined ? {} : { display_message: displayMessage };
    return (await sendWith(this.#secrets, 'POST', path, this.#appApi.POST(path, { params: { path: { id } }, body }))).real_time_scheduling;
  }

  /** Creates or updates a Smart Invite; send the returned `attachments.icalendar` yourself. */
  async upsertSmartInvite(invite: Schemas['SmartInviteRequest'] & { event: CronofyEventInput | Record<string, unknown> }): Promise<CronofySmartInvite> {
    this.validate('upsertSmartInvite', invite);
    const event = invite.event as CronofyEventInput;
    const body = {
      ...invite,
      event: { ...event, start: formatEventTime(event.start, 'event.start', 'upsertSmartInvite'), end: formatEventTime(event.end, 'event.end', 'upsertSmartInvite') },
    };
    return sendWith(this.#secrets, 'POST', '/v1/smart_invites', this.#appApi.POST('/v1/smart_invites', { body }));
  }

  /** Cancels a Smart Invite for one recipient (`method: cancel`). */
  async cancelSmartInvite(smartInviteId: string, recipientEmail: string): Promise<CronofySmartInvite> {
    this.validate('cancelSmartInvite', smartInviteId, recipientEmail);
    const body = { method: 'cancel', smart_invite_id: smartInviteId, recipient: { email: recipientEmail } };
    return sendWith(this.#secrets, 'POST', '/v1/smart_invites', this.#appApi.POST('/v1/smart_invites', { body }));
  }

  /** Status of a Smart Invite for one recipient. */
  async getSmartInvite(smartInviteId: string, recipientEmail: string): Promise<CronofySmartInvite> {
    this.validate('getSmartInvite', smartInviteId, recipientEmail);
    const query = { smart_invite_id: smartInviteId, recipient_email: recipientEmail };
    return sendWith(this.#secrets, 'GET', '/v1/smart_invites', this.#appApi.GET('/v1/smart_invites', { params: { query } }));
  }

  /** A UI Element token (`POST /v1/element_tokens`, client-secret auth) → the unwrapped `element_token`. */
  async elementToken(options: { permissions: readonly string[]; origin: string; subs?: readonly string[]; bookableEventIds?: readonly string[] }): Promise<{ token: string; permissions?: string[]; origin?: string; expires_in?: number }> {
    this.validate('elementToken', options);
    const body = {
      version: '1',
      permissions: [...options.permissions],
      origin: options.origin,
      ...(options.subs ? { subs: [...options.subs] } : {}),
      ...(options.bookableEventIds ? { bookable_event_ids: [...options.bookableEventIds] } : {}),
    };
    return (await sendWith(this.#secrets, 'POST', '/v1/element_tokens', this.#appApi.POST('/v1/element_tokens', { body }))).element_token;
  }

  /**
   * Sequenced availability (`POST /v1/sequenced_availability`, client-secret auth unless
   * `availabilityWithUserToken`): request in the API's shape, `Date`s allowed → `sequences`.
   */
  async sequencedAvailability(request: { sequence: Record<string, unknown>[]; query_periods?: { start: CronofyTime; end: CronofyTime }[]; [field: string]: unknown }): Promise<Record<string, unknown>[]> {
    this.validate('sequencedAvailability', request);
    const { query_periods, ...rest } = request;
    const body = {
      ...rest,
      ...(query_periods
        ? { query_periods: query_periods.map((p, i) => ({ start: formatTime(p.start, `query_periods[${i}].start`, 'sequencedAvailability'), end: formatTime(p.end, `query_periods[${i}].end`, 'sequencedAvailability') })) }
        : {}),
    };
    const api = this.#options.availabilityWithUserToken ? this.#api : this.#appApi;
    return (await sendWith(this.#secrets, 'POST', '/v1/sequenced_availability', api.POST('/v1/sequenced_availability', { body }))).sequences;
  }

  /** Real-Time Sequencing link (`POST /v1/real_time_sequencing`, client-secret auth). */
  async realTimeSequencing(request: Record<string, unknown>): Promise<CronofyRealTimeScheduling> {
    this.validate('realTimeSequencing', request);
    const body = request as components['schemas']['RealTimeSchedulingRequest'];
    return (await sendWith(this.#secrets, 'POST', '/v1/real_time_sequencing', this.#appApi.POST('/v1/real_time_sequencing', { body }))).real_time_scheduling;
  }

  // ---------------------------------------------------------------- availability rules and periods

  /** Creates or replaces a weekly availability rule → the stored rule. */
  async upsertAvailabilityRule(rule: CronofyAvailabilityRule): Promise<CronofyAvailabilityRule> {
    this.validate('upsertAvailabilityRule', rule);
    return (await sendWith(this.#secrets, 'POST', '/v1/availability_rules', this.#api.POST('/v1/availability_rules', { body: rule }))).availability_rule;
  }

  /** Lists availability rules. */
  async listAvailabilityRules(): Promise<CronofyAvailabilityRule[]> {
    this.validate('listAvailabilityRules');
    return (await sendWith(this.#secrets, 'GET', '/v1/availability_rules', this.#api.GET('/v1/availability_rules'))).availability_rules;
  }

  /** Reads one availability rule (a GET: cronofy-node once used POST, node#78). */
  async getAvailabilityRule(availabilityRuleId: string): Promise<CronofyAvailabilityRule> {
    this.validate('getAvailabilityRule', availabilityRuleId);
    const path = '/v1/availability_rules/{availability_rule_id}' as const;
    return (await sendWith(this.#secrets, 'GET', path, this.#api.GET(path, { params: { path: { availability_rule_id: availabilityRuleId } } }))).availability_rule;
  }

  /** Deletes an availability rule. */
  async deleteAvailabilityRule(availabilityRuleId: string): Promise<void> {
    this.validate('deleteAvailabilityRule', availabilityRuleId);
    const path = '/v1/availability_rules/{availability_rule_id}' as const;
    await sendWith(this.#secrets, 'DELETE', path, this.#api.DELETE(path, { params: { path: { availability_rule_id: availabilityRuleId } } }));
  }

  /** Creates or updates an available period (`POST /v1/available_periods`). */
  async upsertAvailablePeriod(period: { available_period_id: string; start: CronofyTime; end: CronofyTime }): Promise<void> {
    this.validate('upsertAvailablePeriod', period);
    const body = { ...period, start: formatTime(period.start, 'start', 'upsertAvailablePeriod'), end: formatTime(period.end, 'end', 'upsertAvailablePeriod') };
    await sendWith(this.#secrets, 'POST', '/v1/available_periods', this.#api.POST('/v1/available_periods', { body }));
  }

  /** Reads available periods, paged like {@link CronofyClient.readEvents}. */
  readAvailablePeriods(params: ReadAvailablePeriodsParams = {}): CronofyPages<'available_periods', CronofyAvailablePeriod> {
    this.validate('readAvailablePeriods', params);
    const query = {
      tzid: params.tzid ?? 'Etc/UTC',
      ...this.#range(params, 'readAvailablePeriods'),
      ...flags({ localized_times: params.localizedTimes }),
    };
    return new CronofyPages('available_periods', (next, signal) =>
      next
        ? getAbsolute<CronofyPageJson<'available_periods', CronofyAvailablePeriod>>(this.#http, this.#secrets, next, signal)
        : sendWith(this.#secrets, 'GET', '/v1/available_periods', this.#api.GET('/v1/available_periods', { params: { query }, ...(signal ? { signal } : {}) })),
    );
  }

  /** Deletes one available period. */
  async deleteAvailablePeriod(availablePeriodId: string): Promise<void> {
    this.validate('deleteAvailablePeriod', availablePeriodId);
    await sendWith(this.#secrets, 'DELETE', '/v1/available_periods', this.#api.DELETE('/v1/available_periods', { body: { available_period_id: availablePeriodId } }));
  }

  /** Deletes every available period (`{delete_all: true}`). */
  async deleteAllAvailablePeriods(): Promise<void> {
    this.validate('deleteAllAvailablePeriods');
    await sendWith(this.#secrets, 'DELETE', '/v1/available_periods', this.#api.DELETE('/v1/available_periods', { body: { delete_all: true } }));
  }

  // ---------------------------------------------------------------- permissions, service accounts, conferencing

  /** Asks the user for elevated permissions on calendars → `{ url, accepted? }` to send them to. */
  async elevatedPermissions(permissions: readonly { calendar_id: string; permission_level: string }[], redirectUri?: string): Promise<{ url?: string; accepted?: boolean; [k: string]: unknown }> {
    this.validate('elevatedPermissions', permissions, redirectUri);
    const body = { permissions: [...permissions], ...(redirectUri ? { redirect_uri: redirectUri } : {}) };
    return (await sendWith(this.#secrets, 'POST', '/v1/permissions', this.#api.POST('/v1/permissions', { body }))).permissions_request;
  }

  /** URL where the user connects a conferencing service (e.g. `zoom`). */
  async conferencingServiceAuthorizationUrl(redirectUri: string, providerName?: string): Promise<string> {
    this.validate('conferencingServiceAuthorizationUrl', redirectUri, providerName);
    const body = { redirect_uri: redirectUri, ...(providerName ? { provider_name: providerName } : {}) };
    const path = '/v1/conferencing_service_authorizations' as const;
    return (await sendWith(this.#secrets, 'POST', path, this.#api.POST(path, { body }))).authorization_request.url;
  }

  /** Enterprise Connect: authorizes one account with the service account's token (202). */
  async authorizeWithServiceAccount(email: string, scope: string, callbackUrl: string, state?: string): Promise<void> {
    this.validate('authorizeWithServiceAccount', email, scope, callbackUrl);
    const body = { email, scope, callback_url: callbackUrl, ...(state ? { state } : {}) };
    await sendWith(this.#secrets, 'POST', '/v1/service_account_authorizations', this.#api.POST('/v1/service_account_authorizations', { body }));
  }

  /** Enterprise Connect: authorizes 1–50 accounts in one request (202). */
  async authorizeMultipleAccountsViaServiceAccount(accounts: readonly ServiceAccountAuthorization[], state?: string): Promise<void> {
    this.validate('authorizeMultipleAccountsViaServiceAccount', accounts);
    const body = {
      service_account_authorizations: accounts.map((a) => ({ email: a.email, scope: a.scope, callback_url: a.callbackUrl, ...(a.state ? { state: a.state } : {}) })),
      ...(state ? { state } : {}),
    };
    await sendWith(this.#secrets, 'POST', '/v1/service_account_authorizations', this.#api.POST('/v1/service_account_authorizations', { body }));
  }

  /** Enterprise Connect: the domain's resources (rooms, equipment). */
  async resources(): Promise<{ email?: string; name?: string; [k: string]: unknown }[]> {
    this.validate('resources');
    return (await sendWith(this.#secrets, 'GET', '/v1/resources', this.#api.GET('/v1/resources'))).resources;
  }

  // ---------------------------------------------------------------- batch

  /**
   * Sends up to 50 event/available-period requests at once (`POST /v1/batch`). The 207 response
   * is not an error; check `ok`/`failures` (every 2xx entry counts as success).
   */
  async batch(entries: readonly BatchEntry[]): Promise<BatchResult> {
    this.validate('batch', entries);
    const body = { batch: entries.map((e) => ({ method: e.method, relative_url: e.relativeUrl, ...(e.data ? { data: e.data } : {}) })) };
    const res = await sendWith(this.#secrets, 'POST', '/v1/batch', this.#api.POST('/v1/batch', { body }));
    const responses = (res?.batch ?? []).map((r) => ({ status: r.status, ...(r.data ? { data: r.data } : {}) }));
    const failures = responses.flatMap((r, index) => (r.status >= 200 && r.status < 300 ? [] : [{ index, ...r }]));
    return { responses, ok: failures.length === 0, failures };
  }
}

/** Boolean query flags: only those set are sent, as lowercase `true`/`false`. */
function flags(values: Record<string, boolean | undefined>): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = v;
  return out;
}

/** Builds batch entries for the common sub-requests (pycronofy `BatchBuilder`). @public */
export const batchEntries = {
  /** Upsert an event (times formatted like `upsertEvent`). */
  upsertEvent(calendarId: string, event: CronofyEventInput): BatchEntry {
    const data = { ...event, start: formatEventTime(event.start, 'event.start', 'batch'), end: formatEventTime(event.end, 'event.end', 'batch') };
    return { method: 'POST', relativeUrl: `/v1/calendars/${encodeURIComponent(calendarId)}/events`, data };
  },
  deleteEvent(calendarId: string, eventId: string): BatchEntry {
    return { method: 'DELETE', relativeUrl: `/v1/calendars/${encodeURIComponent(calendarId)}/events`, data: { event_id: eventId } };
  },
  upsertAvailablePeriod(period: { available_period_id: string; start: CronofyTime; end: CronofyTime }): BatchEntry {
    return { method: 'POST', relativeUrl: '/v1/available_periods', data: { ...period, start: formatTime(period.start, 'start', 'batch'), end: formatTime(period.end, 'end', 'batch') } };
  },
  deleteAvailablePeriod(availablePeriodId: string): BatchEntry {
    return { method: 'DELETE', relativeUrl: '/v1/available_periods', data: { available_period_id: availablePeriodId } };
  },
  deleteExternalEvent(calendarId: string, eventUid: string): BatchEntry {
    return { method: 'DELETE', relativeUrl: `/v1/calendars/${encodeURIComponent(calendarId)}/events`, data: { event_uid: eventUid } };
  },
};
