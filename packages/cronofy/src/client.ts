import createClient, { type Client } from 'openapi-fetch';
import { DEFAULT_TIMEOUT, bearerAuth, createHttpClient, ValidationError, type AuthStrategy, type HttpClientOptions, type TokenSet } from '@cal/core';
import type { ClientState } from './client-state.js';
import { cronofyHosts, type CronofyDataCenter, type CronofyHosts } from './data-centers.js';
import type { LazyMethod } from './endpoints.js';
import { parseCronofyError } from './errors.js';
import type { components, paths } from './generated/cronofy.js';
import { send } from './send.js';
import { CronofyPages } from './pages.js';
import { toDateOrTime, utcSeconds, type CronofyTime } from './time-values.js';
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
import { RULES, runValidation } from './validate.js';

const VERSION = '0.1.0';
/** pycronofy's default scope (reference §2.1). */
const DEFAULT_SCOPE = 'read_account list_calendars read_events create_event delete_event';

type Schemas = components['schemas'];

/**
 * Every method that makes a request (paged reads and argument-less GETs aside) lives in
 * `endpoints.ts` with the OAuth flows, loaded on the first such call and cached: an app that
 * reads events with a stored token (the common case) never downloads it. One promise
 * per process, shared by every client.
 */
let endpoints: Promise<typeof import('./endpoints.js')> | undefined;
const loadEndpoints = () => (endpoints ??= import('./endpoints.js'));

/**
 * A client's state, for the on-demand endpoints module (a "friend" of the class: `#s` stays
 * private to the package). That module importing this one at runtime also makes bundlers put the
 * client code in the chunk both share, so the app's initial code ships as one chunk plus its own
 * few lines instead of two sizeable ones (each compressed alone: about 0.3 KB gz more).
 * @internal
 */
export let stateOf: (client: CronofyClient) => ClientState;

function toEpoch(value: Date | number | string | undefined): number | undefined {
  const ms = value === undefined ? NaN : +new Date(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The openapi-fetch client (over core's user-token pipeline) for the everyday reads, built on
 * first use. The other endpoints use their own clients in the endpoints chunk.
 */
const readers = new WeakMap<ClientState, Client<paths>>();
function readerOf(s: ClientState): Client<paths> {
  let api = readers.get(s);
  if (!api) readers.set(s, (api = createClient<paths>({ baseUrl: s.hosts.api, fetch: s.http.fetch })));
  return api;
}

/**
 * Argument-less GETs, sent at once through openapi-fetch (no chunk to load for the everyday reads):
 * method → the key of `GET /v1/<key>` whose value is returned; `''`: `GET /v1/<method>`, whole body.
 */
const GETS: Record<string, string> = {
  account: 'account',
  userinfo: '',
  listProfiles: 'profiles',
  listCalendars: 'calendars',
  listNotificationChannels: 'channels',
  listAvailabilityRules: 'availability_rules',
  resources: 'resources',
};

/** Paged reads: method → `GET /v1/<key>`, whose pages hold the items under `<key>`. */
const PAGED: Record<string, string> = { readEvents: 'events', readFreeBusy: 'free_busy', readAvailablePeriods: 'available_periods' };

/**
 * Query of a paged read from its camelCase params: `tzid` defaults to `Etc/UTC`, `fromDate`/`toDate`
 * become `from`/`to` (a `YYYY-MM-DD` stays a date, a day boundary in `tzid`; anything else a UTC
 * time), `lastModified` a UTC time, `calendarIds` `calendar_ids[]`, flags snake_case. Only the
 * params given are sent (`includeManaged` is not defaulted to true as pycronofy does).
 */
function pageQuery(params: Record<string, unknown>): Record<string, string | boolean | readonly string[]> {
  const query: Record<string, string | boolean | readonly string[]> = { tzid: 'Etc/UTC' };
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    // validated already: the times are well-formed
    if (k === 'fromDate' || k === 'toDate') query[k.slice(0, -4)] = toDateOrTime(v as CronofyTime);
    else if (k === 'lastModified') query['last_modified'] = utcSeconds(new Date(v as CronofyTime));
    else if (k === 'calendarIds') query['calendar_ids[]'] = v as readonly string[];
    else query[k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = v as string | boolean;
  }
  return query;
}

/**
 * The methods of {@link CronofyClient} that are installed on the prototype from tables (see the
 * class's static block): the initial bundle holds each name once, in the validation table,
 * instead of one stub per method. The paged reads and the argument-less GETs run at once; all
 * others from the endpoints chunk, loaded on first use.
 * @public
 */
export interface CronofyClient {
  /** `GET /v1/account` → the account. */
  account(): Promise<CronofyAccount>;

  /** `GET /v1/userinfo` → the whole userinfo object. */
  userinfo(): Promise<CronofyUserinfo>;

  /** `GET /v1/profiles` → the profiles. */
  listProfiles(): Promise<CronofyProfile[]>;

  /** `GET /v1/calendars` → the calendars. */
  listCalendars(): Promise<CronofyCalendar[]>;

  /**
   * Reads events (`GET /v1/events`) as a lazy paged result that follows `pages.next_page`.
   * `includeManaged` is not defaulted to true (pycronofy does): the API's default applies.
   */
  readEvents(params?: ReadEventsParams): CronofyPages<'events', CronofyEvent>;

  /** Reads free/busy blocks (`GET /v1/free_busy`), paged like {@link CronofyClient.readEvents}. */
  readFreeBusy(params?: ReadFreeBusyParams): CronofyPages<'free_busy', CronofyFreeBusy>;

  /** Lists notification channels. */
  listNotificationChannels(): Promise<CronofyChannel[]>;

  /** Lists availability rules. */
  listAvailabilityRules(): Promise<CronofyAvailabilityRule[]>;

  /** Reads available periods, paged like {@link CronofyClient.readEvents}. */
  readAvailablePeriods(params?: ReadAvailablePeriodsParams): CronofyPages<'available_periods', CronofyAvailablePeriod>;

  /** Enterprise Connect: the domain's resources (rooms, equipment). */
  resources(): Promise<{ email?: string; name?: string; [k: string]: unknown }[]>;

  /** Exchanges the code from the redirect for tokens; the client uses them from now on. */
  getAuthorizationFromCode(code: string, redirectUri: string): Promise<CronofyAuthorization>;

  /** Gets a new access token with the refresh token (the rotated refresh token is kept). */
  refreshAuthorization(): Promise<CronofyAuthorization>;

  /** Revokes the authorization by sending the refresh token (docs' advice; pycronofy sends the access token), then forgets the tokens. */
  revokeAuthorization(): Promise<void>;

  /**
   * Creates (first call) or returns an application calendar and switches this client to its
   * tokens (reference §3.2). Uses body credentials.
   */
  applicationCalendar(applicationCalendarId: string): Promise<CronofyAuthorization>;

  /** Revokes one profile's authorization (`POST /v1/profiles/{id}/revoke`, no body). */
  revokeProfile(profileId: string): Promise<void>;

  /** Creates a calendar in a profile. A duplicate name is a `ValidationError` (422 `errors.duplicate_calendar_name`). */
  createCalendar(profileId: string, name: string, options?: { color?: string }): Promise<CronofyCalendar>;

  /**
   * Creates or updates an event keyed by `event_id` (or edits an external event by `event_uid`).
   * The input is not mutated. Returns the response body when the API sends one (usually 202, none).
   */
  upsertEvent(calendarId: string, event: CronofyEventInput): Promise<Record<string, unknown> | undefined>;

  /** Deletes a managed event by your `event_id` (JSON body, reference §3.6). */
  deleteEvent(calendarId: string, eventId: string): Promise<void>;

  /** Deletes an external event by its `event_uid` (needs elevated permissions). */
  deleteExternalEvent(calendarId: string, eventUid: string): Promise<void>;

  /**
   * Deletes all managed events, or those of the given calendars (`DELETE /v1/events` with a JSON
   * body `{delete_all:true}` or `{calendar_ids}`, never both; pycronofy uses query parameters).
   */
  deleteAllEvents(options?: { calendarIds?: readonly string[] }): Promise<void>;

  /** Accepts, tentatively accepts or declines an event invitation (reference §3.8). */
  changeParticipationStatus(calendarId: string, eventUid: string, status: ParticipationStatus): Promise<void>;

  /** Creates a push notification channel; Cronofy POSTs signed notifications to `callbackUrl`. */
  createNotificationChannel(callbackUrl: string, options?: { calendarIds?: readonly string[]; onlyManaged?: boolean }): Promise<CronofyChannel>;

  /** Closes a notification channel. */
  closeNotificationChannel(channelId: string): Promise<void>;

  /**
   * Availability query (`POST /v1/availability`), authenticated with the client secret as the docs
   * say (legacy SDKs send the user token; opt in with `availabilityWithUserToken`). Member strings
   * become `{sub}`, a missing `required` becomes `"all"`, numbers become `{minutes}`.
   */
  availability(query: AvailabilityQuery): Promise<Schemas['AvailabilityResponse']>;

  /** Creates a Real-Time Scheduling link (`POST /v1/real_time_scheduling`, client-secret auth); request in the API's shape, `Date`s allowed. */
  realTimeScheduling(request: Schemas['RealTimeSchedulingRequest']): Promise<CronofyRealTimeScheduling>;

  /** Status of a Real-Time Scheduling link, by `{ id }` or by the `{ token }` appended to the redirect. */
  getRealTimeScheduling(by: { id: string } | { token: string }): Promise<CronofyRealTimeScheduling>;

  /** Disables a Real-Time Scheduling link, with an optional message (< 500 characters) for visitors. */
  disableRealTimeScheduling(id: string, displayMessage?: string): Promise<CronofyRealTimeScheduling>;

  /** Creates or updates a Smart Invite; send the returned `attachments.icalendar` yourself. */
  upsertSmartInvite(invite: Schemas['SmartInviteRequest'] & { event: CronofyEventInput | Record<string, unknown> }): Promise<CronofySmartInvite>;

  /** Cancels a Smart Invite for one recipient (`method: cancel`). */
  cancelSmartInvite(smartInviteId: string, recipientEmail: string): Promise<CronofySmartInvite>;

  /** Status of a Smart Invite for one recipient. */
  getSmartInvite(smartInviteId: string, recipientEmail: string): Promise<CronofySmartInvite>;

  /** A UI Element token (`POST /v1/element_tokens`, client-secret auth) → the unwrapped `element_token`. */
  elementToken(options: { permissions: readonly string[]; origin: string; subs?: readonly string[]; bookableEventIds?: readonly string[] }): Promise<{ token: string; permissions?: string[]; origin?: string; expires_in?: number }>;

  /**
   * Sequenced availability (`POST /v1/sequenced_availability`, client-secret auth unless
   * `availabilityWithUserToken`): request in the API's shape, `Date`s allowed → `sequences`.
   */
  sequencedAvailability(request: { sequence: Record<string, unknown>[]; query_periods?: { start: CronofyTime; end: CronofyTime }[]; [field: string]: unknown }): Promise<Record<string, unknown>[]>;

  /** Real-Time Sequencing link (`POST /v1/real_time_sequencing`, client-secret auth). */
  realTimeSequencing(request: Record<string, unknown>): Promise<CronofyRealTimeScheduling>;

  /** Creates or replaces a weekly availability rule → the stored rule. */
  upsertAvailabilityRule(rule: CronofyAvailabilityRule): Promise<CronofyAvailabilityRule>;

  /** Reads one availability rule (a GET: cronofy-node once used POST, node#78). */
  getAvailabilityRule(availabilityRuleId: string): Promise<CronofyAvailabilityRule>;

  /** Deletes an availability rule. */
  deleteAvailabilityRule(availabilityRuleId: string): Promise<void>;

  /** Creates or updates an available period (`POST /v1/available_periods`). */
  upsertAvailablePeriod(period: { available_period_id: string; start: CronofyTime; end: CronofyTime }): Promise<void>;

  /** Deletes one available period. */
  deleteAvailablePeriod(availablePeriodId: string): Promise<void>;

  /** Deletes every available period (`{delete_all: true}`). */
  deleteAllAvailablePeriods(): Promise<void>;

  /** Asks the user for elevated permissions on calendars → `{ url, accepted? }` to send them to. */
  elevatedPermissions(permissions: readonly { calendar_id: string; permission_level: string }[], redirectUri?: string): Promise<{ url?: string; accepted?: boolean; [k: string]: unknown }>;

  /** URL where the user connects a conferencing service (e.g. `zoom`). */
  conferencingServiceAuthorizationUrl(redirectUri: string, providerName?: string): Promise<string>;

  /** Enterprise Connect: authorizes one account with the service account's token (202). */
  authorizeWithServiceAccount(email: string, scope: string, callbackUrl: string, state?: string): Promise<void>;

  /** Enterprise Connect: authorizes 1–50 accounts in one request (202). */
  authorizeMultipleAccountsViaServiceAccount(accounts: readonly ServiceAccountAuthorization[], state?: string): Promise<void>;

  /**
   * Sends up to 50 event/available-period requests at once (`POST /v1/batch`). The 207 response
   * is not an error; check `ok`/`failures` (every 2xx entry counts as success).
   */
  batch(entries: readonly BatchEntry[]): Promise<BatchResult>;
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
  /** Options, tokens and the user-token HTTP client, shared with the endpoints chunk. */
  readonly #s: ClientState;

  constructor(options: CronofyClientOptions = {}) {
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
    const tokens: TokenSet | undefined =
      options.accessToken || options.refreshToken
        ? {
            // only a refresh token: an empty, already-expired access token makes the first call refresh
            accessToken: options.accessToken ?? '',
            ...(options.refreshToken ? { refreshToken: options.refreshToken } : {}),
            ...(expiresAt !== undefined ? { expiresAt } : options.accessToken ? {} : { expiresAt: 0 }),
          }
        : undefined;

    const secrets = (): string[] =>
      [s.tokens?.accessToken, s.tokens?.refreshToken, options.accessToken, options.refreshToken, options.clientSecret].filter((x): x is string => !!x);
    let auth: AuthStrategy | undefined;
    if (options.clientId && options.clientSecret) {
      // OAuth (core's createOAuth2Auth) lives in the endpoints chunk, loaded on the first request;
      // oauth4webapi itself only on the first token request
      auth = {
        kind: 'oauth2',
        authorize: async (request) => (await loadEndpoints()).authorize(s, request),
        onUnauthorized: async (request, response) => (await loadEndpoints()).onUnauthorized(s, request, response),
        secrets,
      };
    } else if (options.accessToken) {
      // a personal access token (or a token managed elsewhere): no refresh possible
      auth = { ...bearerAuth(() => s.tokens?.accessToken ?? ''), secrets };
    }
    const base: HttpClientOptions = {
      provider: 'cronofy',
      baseUrl: this.hosts.api,
      userAgent: `@cal/cronofy/${VERSION}`,
      parseError: (response, body) => parseCronofyError(response.status, body),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      timeout: options.timeout ?? DEFAULT_TIMEOUT,
      ...(options.retry !== undefined ? { retry: options.retry } : {}),
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    };
    const s: ClientState = { options, hosts: this.hosts, base, http: createHttpClient(auth ? { ...base, auth } : base), tokens, secrets };
    this.#s = s;
  }

  static {
    stateOf = (client) => client.#s;
    // Every validated method the class does not define itself is installed here from three
    // tables (see the interface above): argument-less GETs and paged reads go through openapi-fetch
    // at once, everything else runs from the endpoints chunk. Validation always comes first (for the
    // async methods reported as a rejection, like any other failure): a bad call sends nothing.
    for (const name in RULES) {
      if (name in this.prototype) continue;
      const item = PAGED[name];
      const key = GETS[name];
      Object.defineProperty(this.prototype, name, {
        configurable: true,
        writable: true,
        value: item
          ? function (this: CronofyClient, params: Record<string, unknown> = {}) {
              this.validate(name, params);
              const s = this.#s;
              const query = pageQuery(params);
              const path = `/v1/${item}` as '/v1/events';
              // The first page through openapi-fetch; `next_page` is followed verbatim through
              // core's origin guard (`resolve`): only the API origin ever gets the token.
              return new CronofyPages(item, (next, signal) =>
                next
                  ? s.http.json(s.http.resolve(next), signal ? { signal } : {})
                  : send(s.secrets, 'GET', path, readerOf(s).GET(path, { params: { query: query as never }, ...(signal ? { signal } : {}) }) as never),
              );
            }
          : key !== undefined
            ? async function (this: CronofyClient) {
                this.validate(name);
                const path = `/v1/${key || name}` as '/v1/account';
                const body = await send<Record<string, unknown>>(this.#s.secrets, 'GET', path, readerOf(this.#s).GET(path) as never);
                return key ? body[key] : body;
              }
            : async function (this: CronofyClient, ...args: unknown[]) {
                this.validate(name, ...args);
                const { run } = await loadEndpoints();
                return run(this, name as LazyMethod, args as never);
              },
      });
    }
  }

  // ---------------------------------------------------------------- validation

  /**
   * Runs the client-side checks of `methodName` with these arguments (credentials, required
   * arguments, date formats) without making any request, like pycronofy's `validate`.
   * @throws ValidationError with `operation` = the method and one `details` entry per bad field
   */
  validate(methodName: string, ...args: unknown[]): void {
    const { options: o, tokens: t } = this.#s;
    const store = Boolean(o.tokenStore && o.clientId && o.clientSecret);
    runValidation(methodName, args, {
      accessToken: Boolean(t?.accessToken || t?.refreshToken || store),
      refreshToken: Boolean(t?.refreshToken || store),
      clientId: Boolean(o.clientId),
      clientSecret: Boolean(o.clientSecret),
      availabilityWithUserToken: Boolean(o.availabilityWithUserToken),
    });
  }

  // ---------------------------------------------------------------- authorization

  /**
   * URL of the consent page on the data center's app host (reference §2.1). Only the parameters
   * you set are sent (pycronofy sends empty ones).
   */
  userAuthLink(redirectUri: string, options: UserAuthLinkOptions = {}): string {
    this.validate('userAuthLink', redirectUri, options);
    const { scope = DEFAULT_SCOPE, state, avoidLinking, providerName, params } = options;
    const query = {
      response_type: 'code',
      client_id: this.#s.options.clientId,
      redirect_uri: redirectUri,
      scope: typeof scope === 'string' ? scope : scope.join(' '),
      state,
      avoid_linking: avoidLinking,
      provider_name: providerName,
      ...params,
    };
    const url = new URL(`${this.hosts.app}/oauth/authorize`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    return url.href;
  }

  /**
   * True when there is no access token or its known expiry has passed. A token without a known
   * expiry (a personal access token) is not reported expired (pycronofy always says expired).
   */
  isAuthorizationExpired(): boolean {
    const t = this.#s.tokens;
    if (!t?.accessToken) return true;
    return t.expiresAt !== undefined && Date.now() >= t.expiresAt;
  }

  /** Current tokens, if any (persist them, or pass a `tokenStore`). */
  get tokens(): TokenSet | undefined {
    return this.#s.tokens;
  }
}
