import { describe, expect, it } from 'vitest';
import { batchEntries } from '@cal/cronofy';
import { client, stubFetch } from './helpers.js';

describe('CronofyClient wire format: availability rules, periods, sequencing, permissions, service accounts', () => {
  it('sequencedAvailability (client secret) and realTimeSequencing', async () => {
    const { fetch, seen } = stubFetch({ 'POST /v1/sequenced_availability': { body: { sequences: [{ sequence: [] }] } }, 'POST /v1/real_time_sequencing': { body: { real_time_scheduling: { real_time_scheduling_id: 'sch_1' } } } });
    const c = client(fetch);
    expect(await c.sequencedAvailability({ sequence: [{ sequence_id: '1', ordinal: 1 }], query_periods: [{ start: new Date('2026-01-01T09:00:00.5Z'), end: '2026-01-01T12:00:00+01:00' }] })).toEqual([{ sequence: [] }]);
    expect(seen[0]!.json()).toEqual({ sequence: [{ sequence_id: '1', ordinal: 1 }], query_periods: [{ start: '2026-01-01T09:00:00Z', end: '2026-01-01T11:00:00Z' }] });
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer csecret');
    expect((await c.realTimeSequencing({ oauth: { redirect_uri: 'https://x' }, event: {}, availability: {}, target_calendars: [] })).real_time_scheduling_id).toBe('sch_1');
    expect(seen[1]!.headers.get('authorization')).toBe('Bearer csecret');
  });

  it('availability rules: upsert, list, get (GET, not POST), delete', async () => {
    const rule = { availability_rule_id: 'work', tzid: 'Europe/London', weekly_periods: [{ day: 'monday', start_time: '09:00', end_time: '17:00' }] };
    const { fetch, seen } = stubFetch({ 'POST /v1/availability_rules': { body: { availability_rule: rule } }, 'GET /v1/availability_rules': { body: { availability_rules: [rule] } }, 'GET /v1/availability_rules/work': { body: { availability_rule: rule } } });
    const c = client(fetch);
    expect(await c.upsertAvailabilityRule(rule)).toEqual(rule);
    expect(await c.listAvailabilityRules()).toEqual([rule]);
    expect(await c.getAvailabilityRule('work')).toEqual(rule);
    await c.deleteAvailabilityRule('work');
    expect(seen.map((s) => `${s.method} ${s.url.pathname}`)).toEqual(['POST /v1/availability_rules', 'GET /v1/availability_rules', 'GET /v1/availability_rules/work', 'DELETE /v1/availability_rules/work']);
    expect(seen[0]!.json()).toEqual(rule);
    expect(seen.every((s) => s.headers.get('authorization') === 'Bearer user-token')).toBe(true);
  });

  it('available periods: upsert (times formatted), paged read, delete one, delete all', async () => {
    const { fetch, seen } = stubFetch({ 'GET /v1/available_periods': { body: { pages: { current: 1, total: 1 }, available_periods: [{ available_period_id: 'p1', start: 's', end: 'e' }] } } });
    const c = client(fetch);
    await c.upsertAvailablePeriod({ available_period_id: 'p1', start: new Date('2026-01-01T09:00:00.9Z'), end: '2026-01-01T10:00:00Z' });
    expect(seen[0]!.json()).toEqual({ available_period_id: 'p1', start: '2026-01-01T09:00:00Z', end: '2026-01-01T10:00:00Z' });
    expect((await c.readAvailablePeriods({ fromDate: '2026-01-01', localizedTimes: true }).all())[0]?.available_period_id).toBe('p1');
    expect(Object.fromEntries(seen[1]!.url.searchParams)).toEqual({ tzid: 'Etc/UTC', from: '2026-01-01', localized_times: 'true' });
    await c.deleteAvailablePeriod('p1');
    await c.deleteAllAvailablePeriods();
    expect(seen.slice(2).map((s) => [s.method, s.url.pathname, s.json()])).toEqual([
      ['DELETE', '/v1/available_periods', { available_period_id: 'p1' }],
      ['DELETE', '/v1/available_periods', { delete_all: true }],
    ]);
    expect(batchEntries.deleteAvailablePeriod('p1')).toEqual({ method: 'DELETE', relativeUrl: '/v1/available_periods', data: { available_period_id: 'p1' } });
    expect(batchEntries.upsertAvailablePeriod({ available_period_id: 'p2', start: new Date('2026-01-01T09:00:00.1Z'), end: '2026-01-01T10:00:00Z' }).data).toEqual({ available_period_id: 'p2', start: '2026-01-01T09:00:00Z', end: '2026-01-01T10:00:00Z' });
  });

  it('elevatedPermissions, conferencingServiceAuthorizationUrl', async () => {
    const { fetch, seen } = stubFetch({ 'POST /v1/permissions': { status: 202, body: { permissions_request: { url: 'https://app.cronofy.com/permissions/x' } } }, 'POST /v1/conferencing_service_authorizations': { body: { authorization_request: { url: 'https://app.cronofy.com/conf/x' } } } });
    const c = client(fetch);
    expect(await c.elevatedPermissions([{ calendar_id: 'cal_1', permission_level: 'unrestricted' }], 'https://x.test/back')).toEqual({ url: 'https://app.cronofy.com/permissions/x' });
    expect(seen[0]!.json()).toEqual({ permissions: [{ calendar_id: 'cal_1', permission_level: 'unrestricted' }], redirect_uri: 'https://x.test/back' });
    expect(await c.conferencingServiceAuthorizationUrl('https://x.test/back', 'zoom')).toBe('https://app.cronofy.com/conf/x');
    expect(seen[1]!.json()).toEqual({ redirect_uri: 'https://x.test/back', provider_name: 'zoom' });
  });

  it('service accounts: one, many, resources', async () => {
    const { fetch, seen } = stubFetch({ 'GET /v1/resources': { body: { resources: [{ email: 'room@x', name: 'Room' }] } } });
    const c = client(fetch);
    await c.authorizeWithServiceAccount('a@x.test', 'read_events', 'https://x.test/cb', 's1');
    await c.authorizeMultipleAccountsViaServiceAccount([{ email: 'a@x.test', scope: 'read_events', callbackUrl: 'https://x.test/cb' }, { email: 'b@x.test', scope: 'read_events', callbackUrl: 'https://x.test/cb', state: 'b' }], 'all');
    expect(await c.resources()).toEqual([{ email: 'room@x', name: 'Room' }]);
    expect(seen[0]!.json()).toEqual({ email: 'a@x.test', scope: 'read_events', callback_url: 'https://x.test/cb', state: 's1' });
    expect(seen[1]!.json()).toEqual({ service_account_authorizations: [{ email: 'a@x.test', scope: 'read_events', callback_url: 'https://x.test/cb' }, { email: 'b@x.test', scope: 'read_events', callback_url: 'https://x.test/cb', state: 'b' }], state: 'all' });
  });
});
