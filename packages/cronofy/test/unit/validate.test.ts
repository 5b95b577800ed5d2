import { describe, expect, it } from 'vitest';
import { ValidationError } from '@cal/core';
import { CronofyClient } from '@cal/cronofy';
import { client, stubFetch } from './helpers.js';

function failure(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}
const fields = (e: ValidationError) => e.details.map((d) => d.field);

const event = { event_id: 'e1', summary: 'S', start: '2026-01-01T09:00:00Z', end: '2026-01-01T10:00:00Z' };

// [method, good args, bad args, fields the bad args must name]
const CASES: [string, unknown[], unknown[], string[]][] = [
  ['userAuthLink', ['https://x.test/cb'], ['not a url'], ['redirectUri']],
  ['getAuthorizationFromCode', ['code', 'https://x.test/cb'], ['', 'ftp://x'], ['code', 'redirectUri']],
  ['applicationCalendar', ['cal-1'], [''], ['applicationCalendarId']],
  ['revokeProfile', ['pro_1'], [], ['profileId']],
  ['createCalendar', ['pro_1', 'Work'], ['pro_1'], ['name']],
  ['readEvents', [{ fromDate: '2026-01-01', toDate: new Date(), lastModified: '2026-01-01T00:00:00+02:00', calendarIds: ['c'] }], [{ fromDate: '01/02/2026', toDate: 'tomorrow', lastModified: 5, calendarIds: 'c', tzid: '' }], ['fromDate', 'toDate', 'lastModified', 'calendarIds', 'tzid']],
  ['readFreeBusy', [{}], [{ fromDate: '2026-13-45' }], ['fromDate']],
  ['upsertEvent', ['cal_1', event], ['', { summary: 'x'.repeat(1025), description: 'd'.repeat(4097), start: 'noon', end: { time: '2026-01-01T10:00:00Z' } }], ['calendarId', 'event.event_id', 'event.summary', 'event.description', 'event.start', 'event.end.tzid']],
  ['deleteEvent', ['cal_1', 'e1'], ['cal_1'], ['eventId']],
  ['deleteExternalEvent', ['cal_1', 'uid'], [undefined, 'uid'], ['calendarId']],
  ['deleteAllEvents', [{ calendarIds: ['c'] }], [{ calendarIds: [] }], ['calendarIds']],
  ['changeParticipationStatus', ['cal_1', 'uid', 'accepted'], ['cal_1', 'uid', 'maybe'], ['status']],
  ['createNotificationChannel', ['https://x.test/push', { calendarIds: ['c'] }], ['x.test/push'], ['callbackUrl']],
  ['closeNotificationChannel', ['chn_1'], [''], ['channelId']],
  ['availability', [{ participants: ['acc_1'], requiredDuration: 30, queryPeriods: [{ start: new Date(), end: '2026-01-01T10:00:00Z' }] }], [{ participants: [], requiredDuration: 0, queryPeriods: [{ start: 'x' }] }], ['participants', 'requiredDuration', 'queryPeriods[0].start', 'queryPeriods[0].end']],
  ['realTimeScheduling', [{ oauth: { redirect_uri: 'https://x' }, event: { tzid: 'Etc/UTC' }, availability: {}, target_calendars: [] }], [{ event: {} }], ['oauth.redirect_uri', 'event.tzid', 'availability', 'target_calendars']],
  ['getRealTimeScheduling', [{ id: 'sch_1' }], [{ id: 'a', token: 'b' }], ['id']],
  ['disableRealTimeScheduling', ['sch_1', 'bye'], ['sch_1', 'x'.repeat(500)], ['displayMessage']],
  ['upsertSmartInvite', [{ smart_invite_id: 'si', recipient: { email: 'a@b' }, event: { summary: 'S', start: '2026-01-01', end: '2026-01-02' } }], [{ event: { start: 'x' } }], ['smart_invite_id', 'recipient', 'event.summary', 'event.start', 'event.end']],
  ['cancelSmartInvite', ['si', 'a@b'], ['si'], ['recipientEmail']],
  ['getSmartInvite', ['si', 'a@b'], [undefined, 'a@b'], ['smartInviteId']],
  ['elementToken', [{ permissions: ['agenda'], origin: 'https://x.test' }], [{ permissions: [], origin: 'https://x.test/path' }], ['permissions', 'origin']],
  ['batch', [[{ method: 'POST', relativeUrl: '/v1/calendars/c/events', data: {} }]], [Array.from({ length: 51 }, () => ({ method: 'GET', relativeUrl: 'x' }))], ['entries', 'entries[0]']],
  ['sequencedAvailability', [{ sequence: [{}], query_periods: [{ start: new Date(), end: new Date() }] }], [{ sequence: [] }], ['sequence']],
  ['realTimeSequencing', [{ oauth: {}, event: {}, availability: {}, target_calendars: [] }], [{ oauth: {} }], ['event', 'availability', 'target_calendars']],
  ['upsertAvailabilityRule', [{ availability_rule_id: 'r', tzid: 'Etc/UTC', weekly_periods: [{ day: 'monday', start_time: '09:00', end_time: '17:00' }] }], [{ weekly_periods: [{ day: 'monday', start_time: '9am', end_time: '17:00' }] }], ['availability_rule_id', 'tzid', 'weekly_periods[0]']],
  ['getAvailabilityRule', ['r'], [''], ['availabilityRuleId']],
  ['deleteAvailabilityRule', ['r'], [], ['availabilityRuleId']],
  ['upsertAvailablePeriod', [{ available_period_id: 'p', start: new Date(), end: '2026-01-01T10:00:00Z' }], [{ start: '2026-01-01' }], ['available_period_id', 'start', 'end']],
  ['readAvailablePeriods', [{ fromDate: '2026-01-01' }], [{ toDate: 'later' }], ['toDate']],
  ['deleteAvailablePeriod', ['p'], [''], ['availablePeriodId']],
  ['elevatedPermissions', [[{ calendar_id: 'c', permission_level: 'unrestricted' }]], [[], 'nope'], ['permissions', 'redirectUri']],
  ['conferencingServiceAuthorizationUrl', ['https://x.test/cb'], [''], ['redirectUri']],
  ['authorizeWithServiceAccount', ['a@x', 'read_events', 'https://x.test/cb'], ['a@x', '', 'cb'], ['scope', 'callbackUrl']],
  ['authorizeMultipleAccountsViaServiceAccount', [[{ email: 'a@x', scope: 's', callbackUrl: 'https://x.test/cb' }]], [[{ email: 'a@x', scope: 's', callbackUrl: 'x' }, {}]], ['accounts[0].callbackUrl', 'accounts[1]']],
];

describe('validate(methodName, ...args)', () => {
  it.each(CASES)('%s: accepts good input, lists every bad field, never requests', (method, good, bad, badFields) => {
    const { fetch, seen } = stubFetch();
    const c = client(fetch);
    expect(() => c.validate(method, ...good)).not.toThrow();
    const err = failure(() => c.validate(method, ...bad));
    expect(err.operation).toBe(method);
    expect(fields(err)).toEqual(expect.arrayContaining(badFields));
    expect(err.status).toBeUndefined();
    expect(seen).toHaveLength(0);
  });

  it('the methods themselves run the same checks before any request', async () => {
    const { fetch, seen } = stubFetch();
    const c = client(fetch);
    await expect(c.upsertEvent('cal_1', { ...event, start: 'yesterday' })).rejects.toBeInstanceOf(ValidationError);
    expect(() => c.readEvents({ fromDate: 'soon' })).toThrow(ValidationError);
    await expect(c.changeParticipationStatus('c', 'u', 'nope' as 'accepted')).rejects.toMatchObject({ operation: 'changeParticipationStatus', details: [{ field: 'status' }] });
    expect(seen).toHaveLength(0);
  });

  it('checks credentials per method: user token, client secret, client id, refresh token', () => {
    const pat = new CronofyClient({ accessToken: 'pat' });
    expect(() => pat.validate('listCalendars')).not.toThrow();
    expect(fields(failure(() => pat.validate('availability', { participants: ['a'], requiredDuration: 30, queryPeriods: [{ start: '2026-01-01T00:00:00Z', end: '2026-01-01T01:00:00Z' }] })))).toEqual(['clientSecret']);
    expect(() => new CronofyClient({ accessToken: 'pat', availabilityWithUserToken: true }).validate('availability', { participants: ['a'], requiredDuration: 30, queryPeriods: [{ start: '2026-01-01T00:00:00Z', end: '2026-01-01T01:00:00Z' }] })).not.toThrow();
    expect(fields(failure(() => pat.validate('elementToken', { permissions: ['agenda'], origin: 'https://x.test' })))).toEqual(['clientSecret']);
    expect(fields(failure(() => pat.validate('refreshAuthorization')))).toEqual(['clientId', 'clientSecret', 'refreshToken']);
    expect(fields(failure(() => pat.validate('userAuthLink', 'https://x.test/cb')))).toEqual(['clientId']);
    const app = new CronofyClient({ clientId: 'cid', clientSecret: 's' });
    expect(fields(failure(() => app.validate('account')))).toEqual(['accessToken']);
    expect(fields(failure(() => app.validate('refreshAuthorization')))).toEqual(['refreshToken']);
    expect(() => app.validate('elementToken', { permissions: ['agenda'], origin: 'https://x.test' })).not.toThrow();
    expect(() => app.userAuthLink('https://x.test/cb')).not.toThrow();
  });

  it('every no-argument user method is covered', () => {
    const none = new CronofyClient({});
    for (const m of ['account', 'userinfo', 'listProfiles', 'listCalendars', 'listNotificationChannels', 'revokeAuthorization', 'listAvailabilityRules', 'deleteAllAvailablePeriods', 'resources']) {
      expect(failure(() => none.validate(m)).operation).toBe(m);
    }
  });

  it('an unknown method name is a ValidationError', () => {
    const err = failure(() => client(undefined).validate('frobnicate'));
    expect(err.details[0]).toMatchObject({ field: 'method', key: 'unknown' });
  });
});
