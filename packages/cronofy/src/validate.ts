import { ValidationError, type ValidationDetail } from '@cal/core';
import type { CronofyClient } from './client.js';
import { isDateOnly, isTime } from './time-values.js';

/**
 * Client-side checks (pycronofy `validate`, reference §4.3), run before every request and by
 * `CronofyClient.validate()`: the credentials a method needs, required arguments, date/time
 * formats. Unlike pycronofy, all failures are collected (not just the first), `{time, tzid}`
 * values are checked instead of crashing, and `tzid` is not demanded on upsert.
 *
 * Declarative on purpose: `validate()` is synchronous, so every rule ships in the initial bundle
 * even though most methods load lazily. One table of shared field checks costs a fraction of a
 * hand-written function per method.
 */

/** Credentials a method needs. @internal */
export type Credential = 'accessToken' | 'clientId' | 'clientSecret' | 'refreshToken';

/** What the client holds right now. @internal */
export type CredentialState = Record<Credential, boolean> & { availabilityWithUserToken: boolean };

type Add = (field: string, key: string, description: string) => void;
/** Checks one value; `field` names it in the details, `parent` is the object holding it. */
type Check = (value: unknown, field: string, add: Add, parent: Record<string, unknown>) => unknown;
/**
 * `[credentials, ...arguments]`. Credentials, one letter each: `u` user access token, `i` client
 * id, `s` client secret, `r` refresh token, `a` the availability key (client secret, or the user
 * token with `availabilityWithUserToken`). An argument is its name (a required non-empty string)
 * or `[name, check]`.
 */
type Spec = [string, ...(string | [string, Check])[]];

const CREDENTIALS: Record<string, Credential> = { u: 'accessToken', i: 'clientId', s: 'clientSecret', r: 'refreshToken' };

/** Expected format of a Time. */
const TIME = 'a Date or an ISO 8601 date-time with Z or an offset';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const missing = (field: string, add: Add) => add(field, 'required', `${field} is required`);
const httpUrl = (v: unknown) => {
  try {
    return /^https?:$/.test(new URL(v as string).protocol);
  } catch {
    return false;
  }
};

// ---------------------------------------------------------------- shared field checks

/** Passes when `test` holds, else an `invalid` detail: "<field> must be <what>". */
const is =
  <T = unknown>(test: (v: T) => unknown, what: string): Check =>
  (v, f, add) =>
    test(v as T) || add(f, 'invalid', `${f} must be ${what}`);
/** Required: `undefined`/`null` is a `required` detail, anything else goes to `check`. */
const needed =
  (check: Check): Check =>
  (v, f, add, p) =>
    v == null ? missing(f, add) : check(v, f, add, p);
const optional =
  (check: Check): Check =>
  (v, f, add, p) =>
    v === undefined || check(v, f, add, p);
const all =
  (...checks: Check[]): Check =>
  (v, f, add, p) =>
    checks.forEach((c) => c(v, f, add, p));
/** Each element of an array, named `field[i]` (not an array: nothing to check here). */
const each =
  (check: Check): Check =>
  (v, f, add) =>
    Array.isArray(v) && v.forEach((x, i) => check(x, `${f}[${i}]`, add, {}));
/**
 * An object's fields. Top-level (an argument): must be an object, fields named bare (`tzid`).
 * `nested`: fields named `field.key`, and a missing object reports each required key.
 */
const shape =
  (fields: Record<string, Check>, nested?: 1): Check =>
  (v, f, add) => {
    if (!nested && !isObject(v)) return add(f, 'invalid', `${f} must be an object`);
    const o = isObject(v) ? v : {};
    for (const k in fields) fields[k]!(o[k], nested ? `${f}.${k}` : k, add, o);
  };
const maxLength = (n: number): Check => (v, f, add) => typeof v === 'string' && v.length > n && add(f, 'too_long', `${f} is over ${n} characters`);
const upTo50: Check = (v, f, add) => (Array.isArray(v) && v.length > 0 ? v.length > 50 && add(f, 'too_long', `${f}: at most 50`) : missing(f, add));

const text: Check = (v, f, add) => nonEmpty(v) || missing(f, add);
const url = needed(is(httpUrl, 'an absolute http(s) URL'));
const object = needed(is(isObject, 'an object'));
const array = needed(is(Array.isArray, 'a list'));
const list = is((v) => Array.isArray(v) && v.length > 0, 'a non-empty list');
const ids = is((v) => Array.isArray(v) && v.every(nonEmpty), 'a list of ids');
const someIds = is((v) => Array.isArray(v) && v.length > 0 && v.every(nonEmpty), 'a non-empty list of ids');
const time = needed(is(isTime, TIME));
const dateOrTime = optional(is((v) => isDateOnly(v) || isTime(v), `YYYY-MM-DD or ${TIME}`));
/** An event start/end: a date or time, or `{ time, tzid }`. */
const eventTime = needed((v, f, add, p) => (isObject(v) && !(v instanceof Date) ? shape({ tzid: text, time: needed(dateOrTime) }, 1)(v, f, add, p) : dateOrTime(v, f, add, p)));
const period = shape({ start: time, end: time }, 1);
const minutes = is((v) => (typeof v === 'number' ? v : isObject(v) ? Number(v['minutes'] ?? 0) + Number(v['hours'] ?? 0) * 60 : 0) > 0, 'minutes > 0 or {minutes, hours}');
const readParams: Check = optional(shape({ fromDate: dateOrTime, toDate: dateOrTime, lastModified: optional(time), calendarIds: optional(ids), tzid: optional(text) }));

/** Every client method that checks its input: all but these. */
type Validated = Exclude<keyof CronofyClient, 'validate' | 'isAuthorizationExpired' | 'tokens' | 'dataCenter' | 'hosts'>;

/**
 * The rules, by client method name; the compiler checks there is one per method. The client
 * installs the methods it does not define itself from these keys.
 * @internal
 */
export const RULES: Readonly<Record<string, Spec>> = {
  userAuthLink: ['i', ['redirectUri', url]],
  getAuthorizationFromCode: ['is', 'code', ['redirectUri', url]],
  refreshAuthorization: ['isr'],
  revokeAuthorization: ['isu'],
  applicationCalendar: ['is', 'applicationCalendarId'],
  account: ['u'],
  userinfo: ['u'],
  listProfiles: ['u'],
  revokeProfile: ['u', 'profileId'],
  listCalendars: ['u'],
  createCalendar: ['u', 'profileId', 'name'],
  readEvents: ['u', ['params', readParams]],
  readFreeBusy: ['u', ['params', readParams]],
  upsertEvent: [
    'u',
    'calendarId',
    [
      'event',
      shape(
        {
          event_id: (_, f, add, e) => nonEmpty(e['event_id']) || nonEmpty(e['event_uid']) || add(f, 'required', `${f} (or event_uid) is required`),
          summary: all(text, maxLength(1024)),
          description: maxLength(4096),
          start: eventTime,
          end: eventTime,
        },
        1,
      ),
    ],
  ],
  deleteEvent: ['u', 'calendarId', 'eventId'],
  deleteExternalEvent: ['u', 'calendarId', 'eventUid'],
  deleteAllEvents: ['u', ['options', optional(shape({ calendarIds: optional(someIds) }))]],
  changeParticipationStatus: ['u', 'calendarId', 'eventUid', ['status', is((v: string) => ['accepted', 'tentative', 'declined'].includes(v), 'accepted, tentative or declined')]],
  createNotificationChannel: ['u', ['callbackUrl', url], ['options', optional(shape({ calendarIds: optional(ids) }))]],
  listNotificationChannels: ['u'],
  closeNotificationChannel: ['u', 'channelId'],
  availability: ['a', ['query', shape({ participants: list, requiredDuration: needed(minutes), queryPeriods: all(list, each(period)) })]],
  realTimeScheduling: ['s', ['request', shape({ oauth: shape({ redirect_uri: text }, 1), event: shape({ tzid: text }, 1), availability: object, target_calendars: array })]],
  getRealTimeScheduling: ['s', ['id', is((by) => isObject(by) && nonEmpty(by['id']) !== nonEmpty(by['token']), '{ id } or { token }')]],
  disableRealTimeScheduling: ['s', 'id', ['displayMessage', maxLength(499)]],
  upsertSmartInvite: [
    's',
    ['invite', shape({ smart_invite_id: text, recipient: (v, f, add, i) => isObject(v) || Array.isArray(i['recipients']) || missing(f, add), event: shape({ summary: text, start: eventTime, end: eventTime }, 1) })],
  ],
  cancelSmartInvite: ['s', 'smartInviteId', 'recipientEmail'],
  getSmartInvite: ['s', 'smartInviteId', 'recipientEmail'],
  elementToken: ['s', ['options', shape({ permissions: needed(someIds), origin: is((v: string) => httpUrl(v) && new URL(v).origin === v, 'an origin, e.g. https://app.example.com'), subs: optional(ids) })]],
  sequencedAvailability: ['a', ['request', shape({ sequence: list, query_periods: each(period) })]],
  realTimeSequencing: ['s', ['request', shape({ oauth: object, event: object, availability: object, target_calendars: array })]],
  upsertAvailabilityRule: [
    'u',
    ['rule', shape({ availability_rule_id: text, tzid: text, weekly_periods: all(list, each(is((p) => isObject(p) && nonEmpty(p['day']) && [p['start_time'], p['end_time']].every((t) => /^\d\d:\d\d$/.test(String(t))), '{ day, start_time: "HH:MM", end_time: "HH:MM" }'))) })],
  ],
  listAvailabilityRules: ['u'],
  getAvailabilityRule: ['u', 'availabilityRuleId'],
  deleteAvailabilityRule: ['u', 'availabilityRuleId'],
  upsertAvailablePeriod: ['u', ['period', shape({ available_period_id: text, start: time, end: time })]],
  readAvailablePeriods: ['u', ['params', readParams]],
  deleteAvailablePeriod: ['u', 'availablePeriodId'],
  deleteAllAvailablePeriods: ['u'],
  elevatedPermissions: ['u', ['permissions', all(list, each(is((p) => isObject(p) && nonEmpty(p['calendar_id']) && nonEmpty(p['permission_level']), '{ calendar_id, permission_level }')))], ['redirectUri', optional(url)]],
  conferencingServiceAuthorizationUrl: ['u', ['redirectUri', url]],
  authorizeWithServiceAccount: ['u', 'email', 'scope', ['callbackUrl', url]],
  authorizeMultipleAccountsViaServiceAccount: ['u', ['accounts', all(upTo50, each(all(is((a) => isObject(a) && nonEmpty(a['email']) && nonEmpty(a['scope']), '{ email, scope, callbackUrl }'), shape({ callbackUrl: url }, 1))))]],
  resources: ['u'],
  batch: ['u', ['entries', all(upTo50, each(is((e) => isObject(e) && /^(POST|DELETE)$/.test(String(e['method'])) && /^\/v1\//.test(String(e['relativeUrl'])), '{ method: POST|DELETE, relativeUrl: "/v1/…" }')))]],
} satisfies Record<Validated, Spec>;

/**
 * Runs the rule of `method` and throws one `ValidationError` listing every problem, with
 * `operation` = the method name and `details[].field` = the offending argument.
 * @internal
 */
export function runValidation(method: string, args: readonly unknown[], state: CredentialState): void {
  const details: ValidationDetail[] = [];
  const add: Add = (field, key, description) => details.push({ field, key, description });
  const spec = RULES[method];
  if (!spec) add('method', 'unknown', `no validation rule for "${method}"`);
  else {
    const [auth, ...params] = spec;
    for (const c of auth) {
      const need = c === 'a' ? (state.availabilityWithUserToken ? 'accessToken' : 'clientSecret') : CREDENTIALS[c]!;
      if (!state[need]) add(need, 'missing_credentials', `${method} needs ${need}`);
    }
    params.forEach((p, i) => (typeof p === 'string' ? text(args[i], p, add, {}) : p[1](args[i], p[0], add, {})));
  }
  if (details.length > 0) {
    throw new ValidationError(`Invalid call to ${method}: ${details.map((d) => d.description).join('; ')}`, { provider: 'cronofy', operation: method, details });
  }
}
