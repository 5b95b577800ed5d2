import { ValidationError, type ValidationDetail } from '@cal/core';
import { isDateOnly, isTime } from './time-format.js';

/**
 * Client-side checks (pycronofy `validate`, reference §4.3), run before every request and by
 * `CronofyClient.validate()`: the credentials a method needs, required arguments, date/time
 * formats. Unlike pycronofy, all failures are collected (not just the first), `{time, tzid}`
 * values are checked instead of crashing, and `tzid` is not demanded on upsert.
 */

/** Credentials a method needs. @internal */
export type Credential = 'accessToken' | 'clientId' | 'clientSecret' | 'refreshToken';

/** What the client holds right now. @internal */
export type CredentialState = Record<Credential, boolean>;

type Check = (args: readonly unknown[], add: (field: string, key: string, description: string) => void) => void;

interface Rule {
  auth: readonly Credential[] | ((state: CredentialState & { availabilityWithUserToken: boolean }) => readonly Credential[]);
  check?: Check;
}

const PARTICIPATION = ['accepted', 'tentative', 'declined'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function required(...names: string[]): Check {
  return (args, add) => names.forEach((name, i) => nonEmpty(args[i]) || add(name, 'required', `${name} is required`));
}

function url(value: unknown, field: string, add: (f: string, k: string, d: string) => void): void {
  if (!nonEmpty(value)) return add(field, 'required', `${field} is required`);
  try {
    const u = new URL(value);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') add(field, 'invalid', `${field} must be an http(s) URL`);
  } catch {
    add(field, 'invalid', `${field} must be an absolute URL`);
  }
}

function dateOrTime(value: unknown, field: string, add: (f: string, k: string, d: string) => void): void {
  if (value === undefined) return;
  if (!isDateOnly(value) && !isTime(value)) add(field, 'invalid', `${field} must be a Date, a YYYY-MM-DD date or an ISO 8601 date-time with Z or an offset`);
}

function eventTime(value: unknown, field: string, add: (f: string, k: string, d: string) => void): void {
  if (value === undefined || value === null) return add(field, 'required', `${field} is required`);
  if (isObject(value) && !(value instanceof Date)) {
    if (!nonEmpty(value['tzid'])) add(`${field}.tzid`, 'required', `${field}.tzid is required`);
    if (value['time'] === undefined) return add(`${field}.time`, 'required', `${field}.time is required`);
    return dateOrTime(value['time'], `${field}.time`, add);
  }
  dateOrTime(value, field, add);
}

function stringArray(value: unknown, field: string, add: (f: string, k: string, d: string) => void, allowEmpty = true): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.some((v) => !nonEmpty(v))) return add(field, 'invalid', `${field} must be a list of ids`);
  if (!allowEmpty && value.length === 0) add(field, 'invalid', `${field} must not be empty`);
}

function duration(value: unknown, field: string, add: (f: string, k: string, d: string) => void): void {
  if (value === undefined) return add(field, 'required', `${field} is required`);
  const minutes = typeof value === 'number' ? value : isObject(value) ? Number(value['minutes'] ?? 0) + Number(value['hours'] ?? 0) * 60 : NaN;
  if (!(minutes > 0)) add(field, 'invalid', `${field} must be a positive number of minutes or {minutes, hours}`);
}

const readParams: Check = ([params], add) => {
  if (params === undefined) return;
  if (!isObject(params)) return add('params', 'invalid', 'params must be an object');
  dateOrTime(params['fromDate'], 'fromDate', add);
  dateOrTime(params['toDate'], 'toDate', add);
  dateOrTime(params['lastModified'], 'lastModified', add);
  stringArray(params['calendarIds'], 'calendarIds', add);
  if (params['tzid'] !== undefined && !nonEmpty(params['tzid'])) add('tzid', 'invalid', 'tzid must be an IANA time zone id');
};

const user = ['accessToken'] as const;
const app = ['clientSecret'] as const;

/** The rules, by client method name. @internal */
export const RULES: Readonly<Record<string, Rule>> = {
  userAuthLink: { auth: ['clientId'], check: ([redirectUri], add) => url(redirectUri, 'redirectUri', add) },
  getAuthorizationFromCode: {
    auth: ['clientId', 'clientSecret'],
    check: ([code, redirectUri], add) => {
      if (!nonEmpty(code)) add('code', 'required', 'code is required');
      url(redirectUri, 'redirectUri', add);
    },
  },
  refreshAuthorization: { auth: ['clientId', 'clientSecret', 'refreshToken'] },
  revokeAuthorization: { auth: ['clientId', 'clientSecret', 'accessToken'] },
  applicationCalendar: { auth: ['clientId', 'clientSecret'], check: required('applicationCalendarId') },
  account: { auth: user },
  userinfo: { auth: user },
  listProfiles: { auth: user },
  revokeProfile: { auth: user, check: required('profileId') },
  listCalendars: { auth: user },
  createCalendar: { auth: user, check: required('profileId', 'name') },
  readEvents: { auth: user, check: readParams },
  readFreeBusy: { auth: user, check: readParams },
  upsertEvent: {
    auth: user,
    check: ([calendarId, event], add) => {
      if (!nonEmpty(calendarId)) add('calendarId', 'required', 'calendarId is required');
      if (!isObject(event)) return add('event', 'required', 'event is required');
      if (!nonEmpty(event['event_id']) && !nonEmpty(event['event_uid'])) add('event.event_id', 'required', 'event.event_id (or event_uid for an external event) is required');
      if (!nonEmpty(event['summary'])) add('event.summary', 'required', 'event.summary is required');
      else if (event['summary'].length > 1024) add('event.summary', 'too_long', 'event.summary is limited to 1024 characters');
      if (typeof event['description'] === 'string' && event['description'].length > 4096) add('event.description', 'too_long', 'event.description is limited to 4096 characters');
      eventTime(event['start'], 'event.start', add);
      eventTime(event['end'], 'event.end', add);
    },
  },
  deleteEvent: { auth: user, check: required('calendarId', 'eventId') },
  deleteExternalEvent: { auth: user, check: required('calendarId', 'eventUid') },
  deleteAllEvents: {
    auth: user,
    check: ([opts], add) => {
      if (opts === undefined) return;
      if (!isObject(opts)) return add('options', 'invalid', 'options must be an object');
      stringArray(opts['calendarIds'], 'calendarIds', add, false);
    },
  },
  changeParticipationStatus: {
    auth: user,
    check: (args, add) => {
      required('calendarId', 'eventUid')(args, add);
      if (!PARTICIPATION.includes(args[2] as string)) add('status', 'invalid', `status must be one of ${PARTICIPATION.join(', ')}`);
    },
  },
  createNotificationChannel: {
    auth: user,
    check: ([callbackUrl, opts], add) => {
      url(callbackUrl, 'callbackUrl', add);
      if (isObject(opts)) stringArray(opts['calendarIds'], 'calendarIds', add);
    },
  },
  listNotificationChannels: { auth: user },
  closeNotificationChannel: { auth: user, check: required('channelId') },
  availability: {
    auth: (s) => (s.availabilityWithUserToken ? user : app),
    check: ([query], add) => {
      if (!isObject(query)) return add('query', 'required', 'query is required');
      if (!Array.isArray(query['participants']) || query['participants'].length === 0) add('participants', 'required', 'participants is required');
      duration(query['requiredDuration'], 'requiredDuration', add);
      const periods = query['queryPeriods'];
      if (!Array.isArray(periods) || periods.length === 0) return add('queryPeriods', 'required', 'queryPeriods is required');
      periods.forEach((p: unknown, i) => {
        if (!isObject(p)) return add(`queryPeriods[${i}]`, 'invalid', 'a period is {start, end}');
        for (const k of ['start', 'end']) {
          if (p[k] === undefined) add(`queryPeriods[${i}].${k}`, 'required', `${k} is required`);
          else if (!isTime(p[k])) add(`queryPeriods[${i}].${k}`, 'invalid', `${k} must be a Date or an ISO 8601 date-time`);
        }
      });
    },
  },
  realTimeScheduling: {
    auth: app,
    check: ([req], add) => {
      if (!isObject(req)) return add('request', 'required', 'request is required');
      const oauth = req['oauth'];
      if (!isObject(oauth) || !nonEmpty(oauth['redirect_uri'])) add('oauth.redirect_uri', 'required', 'oauth.redirect_uri is required');
      const event = req['event'];
      if (!isObject(event) || !nonEmpty(event['tzid'])) add('event.tzid', 'required', 'event.tzid is required');
      if (!isObject(req['availability'])) add('availability', 'required', 'availability is required');
      if (!Array.isArray(req['target_calendars'])) add('target_calendars', 'required', 'target_calendars is required');
    },
  },
  getRealTimeScheduling: {
    auth: app,
    check: ([by], add) => {
      const n = isObject(by) ? Number(nonEmpty(by['id'])) + Number(nonEmpty(by['token'])) : 0;
      if (n !== 1) add('id', 'invalid', 'pass exactly one of { id } or { token }');
    },
  },
  disableRealTimeScheduling: {
    auth: app,
    check: ([id, message], add) => {
      if (!nonEmpty(id)) add('id', 'required', 'id is required');
      if (typeof message === 'string' && message.length >= 500) add('displayMessage', 'too_long', 'displayMessage must be under 500 characters');
    },
  },
  upsertSmartInvite: {
    auth: app,
    check: ([invite], add) => {
      if (!isObject(invite)) return add('invite', 'required', 'invite is required');
      if (!nonEmpty(invite['smart_invite_id'])) add('smart_invite_id', 'required', 'smart_invite_id is required');
      if (!isObject(invite['recipient']) && !Array.isArray(invite['recipients'])) add('recipient', 'required', 'recipient or recipients is required');
      const event = invite['event'];
      if (!isObject(event)) return add('event', 'required', 'event is required');
      if (!nonEmpty(event['summary'])) add('event.summary', 'required', 'event.summary is required');
      eventTime(event['start'], 'event.start', add);
      eventTime(event['end'], 'event.end', add);
    },
  },
  cancelSmartInvite: { auth: app, check: required('smartInviteId', 'recipientEmail') },
  getSmartInvite: { auth: app, check: required('smartInviteId', 'recipientEmail') },
  elementToken: {
    auth: app,
    check: ([opts], add) => {
      if (!isObject(opts)) return add('options', 'required', 'options is required');
      stringArray(opts['permissions'], 'permissions', add, false);
      if (opts['permissions'] === undefined) add('permissions', 'required', 'permissions is required');
      let ok = false;
      try {
        ok = nonEmpty(opts['origin']) && new URL(opts['origin']).origin === opts['origin'];
      } catch {
        ok = false;
      }
      if (!ok) add('origin', 'invalid', 'origin must be a scheme and host only, e.g. https://app.example.com');
      stringArray(opts['subs'], 'subs', add);
    },
  },
  sequencedAvailability: {
    auth: (s) => (s.availabilityWithUserToken ? user : app),
    check: ([req], add) => {
      if (!isObject(req) || !Array.isArray(req['sequence']) || req['sequence'].length === 0) return add('sequence', 'required', 'sequence is required');
      const periods = req['query_periods'];
      if (Array.isArray(periods)) {
        periods.forEach((p: unknown, i) => {
          if (!isObject(p) || !isTime(p['start']) || !isTime(p['end'])) add(`query_periods[${i}]`, 'invalid', 'start and end must be Dates or ISO 8601 date-times');
        });
      }
    },
  },
  realTimeSequencing: {
    auth: app,
    check: ([req], add) => {
      if (!isObject(req)) return add('request', 'required', 'request is required');
      for (const k of ['oauth', 'event', 'availability']) if (!isObject(req[k])) add(k, 'required', `${k} is required`);
      if (!Array.isArray(req['target_calendars'])) add('target_calendars', 'required', 'target_calendars is required');
    },
  },
  upsertAvailabilityRule: {
    auth: user,
    check: ([rule], add) => {
      if (!isObject(rule)) return add('rule', 'required', 'rule is required');
      if (!nonEmpty(rule['availability_rule_id'])) add('availability_rule_id', 'required', 'availability_rule_id is required');
      if (!nonEmpty(rule['tzid'])) add('tzid', 'required', 'tzid is required');
      const periods = rule['weekly_periods'];
      if (!Array.isArray(periods) || periods.length === 0) return add('weekly_periods', 'required', 'weekly_periods is required');
      periods.forEach((p: unknown, i) => {
        const ok = isObject(p) && nonEmpty(p['day']) && /^\d{2}:\d{2}$/.test(String(p['start_time'])) && /^\d{2}:\d{2}$/.test(String(p['end_time']));
        if (!ok) add(`weekly_periods[${i}]`, 'invalid', 'a weekly period is { day, start_time: "HH:MM", end_time: "HH:MM" }');
      });
    },
  },
  listAvailabilityRules: { auth: user },
  getAvailabilityRule: { auth: user, check: required('availabilityRuleId') },
  deleteAvailabilityRule: { auth: user, check: required('availabilityRuleId') },
  upsertAvailablePeriod: {
    auth: user,
    check: ([period], add) => {
      if (!isObject(period)) return add('period', 'required', 'period is required');
      if (!nonEmpty(period['available_period_id'])) add('available_period_id', 'required', 'available_period_id is required');
      for (const k of ['start', 'end']) {
        if (period[k] === undefined) add(k, 'required', `${k} is required`);
        else if (!isTime(period[k])) add(k, 'invalid', `${k} must be a Date or an ISO 8601 date-time`);
      }
    },
  },
  readAvailablePeriods: { auth: user, check: readParams },
  deleteAvailablePeriod: { auth: user, check: required('availablePeriodId') },
  deleteAllAvailablePeriods: { auth: user },
  elevatedPermissions: {
    auth: user,
    check: ([permissions, redirectUri], add) => {
      const ok = Array.isArray(permissions) && permissions.length > 0 && permissions.every((p: unknown) => isObject(p) && nonEmpty(p['calendar_id']) && nonEmpty(p['permission_level']));
      if (!ok) add('permissions', 'invalid', 'permissions is a non-empty list of { calendar_id, permission_level }');
      if (redirectUri !== undefined) url(redirectUri, 'redirectUri', add);
    },
  },
  conferencingServiceAuthorizationUrl: { auth: user, check: ([redirectUri], add) => url(redirectUri, 'redirectUri', add) },
  authorizeWithServiceAccount: {
    auth: user,
    check: (args, add) => {
      required('email', 'scope')(args, add);
      url(args[2], 'callbackUrl', add);
    },
  },
  authorizeMultipleAccountsViaServiceAccount: {
    auth: user,
    check: ([accounts], add) => {
      if (!Array.isArray(accounts) || accounts.length === 0 || accounts.length > 50) return add('accounts', 'invalid', 'between 1 and 50 accounts');
      accounts.forEach((a: unknown, i) => {
        if (!isObject(a) || !nonEmpty(a['email']) || !nonEmpty(a['scope'])) add(`accounts[${i}]`, 'invalid', 'an account needs email, scope and callbackUrl');
        else url(a['callbackUrl'], `accounts[${i}].callbackUrl`, add);
      });
    },
  },
  resources: { auth: user },
  batch: {
    auth: user,
    check: ([entries], add) => {
      if (!Array.isArray(entries) || entries.length === 0) return add('entries', 'required', 'at least one batch entry is required');
      if (entries.length > 50) add('entries', 'too_long', 'a batch holds at most 50 entries');
      entries.forEach((e: unknown, i) => {
        if (!isObject(e) || !['POST', 'DELETE'].includes(String(e['method'])) || !nonEmpty(e['relativeUrl']) || !String(e['relativeUrl']).startsWith('/v1/')) {
          add(`entries[${i}]`, 'invalid', 'an entry is { method: POST|DELETE, relativeUrl: "/v1/…", data? }');
        }
      });
    },
  },
};

/**
 * Runs the rule of `method` and throws one `ValidationError` listing every problem, with
 * `operation` = the method name and `details[].field` = the offending argument.
 * @internal
 */
export function runValidation(method: string, args: readonly unknown[], state: CredentialState & { availabilityWithUserToken: boolean }): void {
  const rule = RULES[method];
  const details: ValidationDetail[] = [];
  const add = (field: string, key: string, description: string) => details.push({ field, key, description });
  if (!rule) {
    add('method', 'unknown', `no validation rule for "${method}"; known: ${Object.keys(RULES).join(', ')}`);
  } else {
    const auth = typeof rule.auth === 'function' ? rule.auth(state) : rule.auth;
    for (const need of auth) if (!state[need]) add(need, 'missing_credentials', `${method} needs ${need}`);
    rule.check?.(args, add);
  }
  if (details.length > 0) {
    throw new ValidationError(`Invalid call to ${method}: ${details.map((d) => d.description).join('; ')}`, {
      provider: 'cronofy',
      operation: method,
      details,
    });
  }
}
