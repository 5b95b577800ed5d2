import type { FetchLike, RequestHook, RetryOptions, TokenSet, TokenStore } from '@cal/core';
import type { CronofyDataCenter } from './data-centers.js';
import type { components } from './generated/cronofy.js';
import type { CronofyEventTime } from './event-time.js';
import type { CronofyTime } from './time-values.js';

type Schemas = components['schemas'];

/** `GET /v1/account` → `account`. @public */
export type CronofyAccount = Schemas['Account'];
/** `GET /v1/userinfo`. @public */
export type CronofyUserinfo = Schemas['Userinfo'];
/** A connected calendar profile. @public */
export type CronofyProfile = Schemas['Profile'];
/** A calendar. @public */
export type CronofyCalendar = Schemas['Calendar'];
/** An event as read (unknown fields kept: the API adds attributes over time). @public */
export type CronofyEvent = Schemas['Event'];
/** A free/busy block. @public */
export type CronofyFreeBusy = Schemas['FreeBusyBlock'];
/** A notification channel. @public */
export type CronofyChannel = Schemas['Channel'];
/** An available period (availability response). @public */
export type CronofyPeriod = Schemas['Period'];
/** A Smart Invite as returned. @public */
export type CronofySmartInvite = Schemas['SmartInvite'];
/** A weekly availability rule. @public */
export type CronofyAvailabilityRule = Schemas['AvailabilityRule'];
/** An available period as read. @public */
export type CronofyAvailablePeriod = Schemas['AvailablePeriod'];
/** A real-time scheduling link/status (`real_time_scheduling`). @public */
export type CronofyRealTimeScheduling = Schemas['RealTimeSchedulingResponse']['real_time_scheduling'];

/** Options of {@link CronofyClient}. All optional: what is needed depends on the calls you make. @public */
export interface CronofyClientOptions {
  /** OAuth client id (authorization flow, refresh, revoke, application calendars). */
  clientId?: string;
  /** OAuth client secret; also the API key of application-auth endpoints (availability, RTS, smart invites, element tokens). */
  clientSecret?: string;
  /** A user access token, or a personal access token. */
  accessToken?: string;
  refreshToken?: string;
  /** When the access token expires: a `Date`, epoch ms, or an ISO string. */
  tokenExpiration?: Date | number | string;
  /** @default 'us' */
  dataCenter?: CronofyDataCenter;
  /** Host override, e.g. a simulator or a proxy (ruby's `CRONOFY_API_URL`/`CRONOFY_APP_URL`). */
  hosts?: { api: string; app: string };
  /** Where tokens persist (rotated refresh tokens included). */
  tokenStore?: TokenStore;
  /** Key in the token store. @default `cronofy:<clientId>` */
  storeKey?: string;
  /** Called with every new token set (after a code exchange or refresh), before it is used. */
  onTokensRefreshed?: (tokens: TokenSet) => void | Promise<void>;
  /** Custom fetch (tests, proxies). */
  fetch?: FetchLike;
  /** Per-request timeout in ms. @default 30000 */
  timeout?: number;
  /** Retry policy for 408/429/5xx on idempotent requests; `false` turns it off. */
  retry?: RetryOptions | false;
  /** Observer of every request (pycronofy `set_request_hook`), redacted. */
  onRequest?: RequestHook;
  /**
   * Send the user access token instead of the client secret to `/v1/availability` and
   * `/v1/sequenced_availability`, as the legacy SDKs do (reference §2.8). @default false
   */
  availabilityWithUserToken?: boolean;
}

/** Tokens returned by {@link CronofyClient.getAuthorizationFromCode} and `refreshAuthorization`. @public */
export interface CronofyAuthorization {
  accessToken: string;
  refreshToken: string | undefined;
  /** Computed from `expires_in` when the tokens arrived. */
  tokenExpiration: Date | undefined;
  scope: string | undefined;
  /** `acc_…` (code exchange only). */
  accountId: string | undefined;
  /** `acc_…`, `apc_…` or `ser_…`. */
  sub: string | undefined;
  /** The profile just connected. */
  linkingProfile: { provider_name?: string; profile_id?: string; profile_name?: string } | undefined;
  /** Application calendars only. */
  applicationCalendarId?: string | undefined;
}

/** Options of {@link CronofyClient.userAuthLink}. @public */
export interface UserAuthLinkOptions {
  /** Space-separated string or list. @default 'read_account list_calendars read_events create_event delete_event' (pycronofy) */
  scope?: string | readonly string[];
  state?: string;
  /** Don't link calendar accounts under one set of credentials. */
  avoidLinking?: boolean;
  /** Pre-select a provider (`provider_name`). */
  providerName?: string;
  /** Extra query parameters (`link_token`, `delegated_scope`, `locale`…). */
  params?: Readonly<Record<string, string>>;
}

/** Filters of {@link CronofyClient.readEvents} (reference §3.3). @public */
export interface ReadEventsParams {
  calendarIds?: readonly string[];
  /** Events ending on/after it; a `YYYY-MM-DD` date is a day boundary in `tzid`. */
  fromDate?: CronofyTime;
  /** Events starting before it. */
  toDate?: CronofyTime;
  /** IANA zone for the day boundaries. @default 'Etc/UTC' */
  tzid?: string;
  /** Include events created through Cronofy. API default false (pycronofy defaults it to true; we don't). */
  includeManaged?: boolean;
  onlyManaged?: boolean;
  /** Only events modified at/after this time (pair with a push's `changes_since`). */
  lastModified?: CronofyTime;
  includeDeleted?: boolean;
  includeMoved?: boolean;
  /** Return `start`/`end` as `{time, tzid}`. */
  localizedTimes?: boolean;
  includeGeo?: boolean;
}

/** Filters of {@link CronofyClient.readFreeBusy} (reference §3.4). @public */
export interface ReadFreeBusyParams {
  calendarIds?: readonly string[];
  fromDate?: CronofyTime;
  toDate?: CronofyTime;
  /** @default 'Etc/UTC' */
  tzid?: string;
  includeManaged?: boolean;
  localizedTimes?: boolean;
}

/** An event to create or update (reference §3.5); other API fields pass through unchanged. @public */
export interface CronofyEventInput {
  /** Your id; required unless `event_uid` edits an external event. */
  event_id?: string;
  event_uid?: string;
  summary: string;
  description?: string;
  start: CronofyEventTime;
  end: CronofyEventTime;
  tzid?: string;
  location?: { description?: string; lat?: string; long?: string };
  url?: string;
  reminders?: { minutes: number }[];
  reminders_create_only?: boolean;
  transparency?: 'opaque' | 'transparent' | (string & {});
  color?: string;
  attendees?: { invite?: { email: string; display_name?: string }[]; reject?: { email: string; display_name?: string }[] };
  event_private?: boolean;
  conferencing?: Record<string, unknown>;
  recurrence?: Record<string, unknown>;
  locale?: string;
  [field: string]: unknown;
}

/** Participation status values (reference §3.8). @public */
export type ParticipationStatus = 'accepted' | 'tentative' | 'declined';

/** A duration: minutes as a number (pycronofy sugar) or `{minutes}`/`{hours}`. @public */
export type CronofyDuration = number | { minutes?: number; hours?: number };

/** Availability query (reference §3.10); member strings are subs. @public */
export interface AvailabilityQuery {
  participants: readonly ({ members: readonly (string | { sub: string; calendar_ids?: string[]; [k: string]: unknown })[]; required?: 'all' | number } | string)[];
  requiredDuration: CronofyDuration;
  queryPeriods: readonly { start: CronofyTime; end: CronofyTime }[];
  buffer?: Record<string, unknown>;
  startInterval?: CronofyDuration;
  responseFormat?: 'periods' | 'slots' | 'overlapping_slots';
  maxResults?: number;
}

/** One entry of a batch request (reference §3.13). @public */
export interface BatchEntry {
  method: 'POST' | 'DELETE';
  relativeUrl: string;
  data?: Record<string, unknown>;
}

/** Result of {@link CronofyClient.batch}: 207 with one status per entry. @public */
export interface BatchResult {
  /** One response per entry, in order. */
  responses: { status: number; data?: Record<string, unknown> }[];
  /** True when every entry is 2xx (pycronofy/ruby wrongly flag 200/201 as failures, §3.13). */
  ok: boolean;
  /** Indices and responses of the entries that were not 2xx. */
  failures: { index: number; status: number; data?: Record<string, unknown> }[];
}

/** Filters of {@link CronofyClient.readAvailablePeriods}. @public */
export interface ReadAvailablePeriodsParams {
  fromDate?: CronofyTime;
  toDate?: CronofyTime;
  /** @default 'Etc/UTC' */
  tzid?: string;
  localizedTimes?: boolean;
}

/** One Enterprise Connect account to authorize (reference §2.10). @public */
export interface ServiceAccountAuthorization {
  email: string;
  scope: string;
  callbackUrl: string;
  state?: string;
}
