import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, NetworkError, NotFoundError, ProtocolError, RateLimitError, ServerError, TimeoutError, ValidationError } from '@cal/core';
import { batchEntries, CronofyClient, CronofyErrorCode, verifyCronofyNotification } from '@cal/cronofy';
import { startCronofySimulator, type CronofySimulator } from '@cal/testkit/cronofy';
import { startCallbackServer } from './helpers.js';

const SECRET = 'sim-secret';
let sim: CronofySimulator;
let cronofy: CronofyClient;
let calendarId: string;

const fresh = (extra: Record<string, unknown> = {}) => {
  const { accessToken, refreshToken } = sim.issueToken('user-1', 'sim-client');
  return new CronofyClient({ clientId: 'sim-client', clientSecret: SECRET, accessToken, refreshToken, hosts: sim.hosts, retry: { baseDelay: 1, maxDelay: 5 }, ...extra });
};

beforeAll(async () => {
  sim = await startCronofySimulator({ clients: [{ clientId: 'sim-client', clientSecret: SECRET }], pageSize: 25 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  calendarId = sim.addUser('user-1').calendarId;
  cronofy = fresh();
});

describe('Cronofy API against the simulator', () => {
  it('identity and calendars', async () => {
    const account = await cronofy.account();
    expect(account.account_id).toMatch(/^acc_/);
    expect((await cronofy.userinfo()).sub).toBe(account.account_id);
    const [profile] = await cronofy.listProfiles();
    const cal = await cronofy.createCalendar(profile!.profile_id, 'Work');
    expect((await cronofy.listCalendars()).map((c) => c.calendar_id)).toContain(cal.calendar_id);
    const dup = await cronofy.createCalendar(profile!.profile_id, 'Work').catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ValidationError);
    expect((dup as ValidationError).details[0]).toMatchObject({ field: 'name', key: 'errors.duplicate_calendar_name' });
  });

  it('upserts, reads (managed only with includeManaged), updates, declines and deletes events', async () => {
    await cronofy.upsertEvent(calendarId, { event_id: 'e1', summary: 'Plan', start: new Date('2026-05-01T09:00:00.123Z'), end: '2026-05-01T10:00:00+00:00', tzid: 'Europe/London' });
    await cronofy.upsertEvent(calendarId, { event_id: 'e2', summary: 'Offsite', start: '2026-05-02', end: '2026-05-03' });
    const window = { fromDate: '2026-04-30', toDate: '2026-05-10', tzid: 'Etc/UTC' };
    expect(await cronofy.readEvents(window).all()).toEqual([]); // API default: managed events excluded
    const events = await cronofy.readEvents({ ...window, includeManaged: true }).all();
    expect(events.map((e) => [e.event_id, e.start])).toEqual([['e1', '2026-05-01T09:00:00Z'], ['e2', '2026-05-02']]);
    await cronofy.upsertEvent(calendarId, { event_id: 'e1', summary: 'Plan v2', start: '2026-05-01T09:00:00Z', end: '2026-05-01T10:30:00Z' });
    const uid = events[0]!.event_uid!;
    await cronofy.changeParticipationStatus(calendarId, uid, 'tentative');
    const [updated] = await cronofy.readEvents({ ...window, onlyManaged: true, localizedTimes: true }).all();
    expect(updated).toMatchObject({ summary: 'Plan v2', event_uid: uid, participation_status: 'tentative', start: { time: '2026-05-01T09:00:00Z', tzid: 'Etc/UTC' } });
    await cronofy.deleteEvent(calendarId, 'e1');
    expect((await cronofy.readEvents({ ...window, includeManaged: true }).all()).map((e) => e.event_id)).toEqual(['e2']);
    const withDeleted = await cronofy.readEvents({ ...window, includeManaged: true, includeDeleted: true }).all();
    expect(withDeleted.find((e) => e.event_id === 'e1')?.deleted).toBe(true);
    await cronofy.deleteAllEvents({ calendarIds: [calendarId] });
    expect(await cronofy.readEvents({ ...window, includeManaged: true }).all()).toEqual([]);
  });

  it('external events: edit by event_uid, delete by event_uid; deleteAllEvents leaves them alone', async () => {
    const [uid] = sim.seedEvents('user-1', calendarId, [{ summary: 'From Google', start: '2026-06-01T08:00:00Z', end: '2026-06-01T09:00:00Z' }]);
    await cronofy.upsertEvent(calendarId, { event_uid: uid!, summary: 'Edited', start: '2026-06-01T08:00:00Z', end: '2026-06-01T09:30:00Z' });
    await cronofy.deleteAllEvents();
    const [e] = await cronofy.readEvents({ fromDate: '2026-05-31', toDate: '2026-06-02' }).all();
    expect(e).toMatchObject({ summary: 'Edited', end: '2026-06-01T09:30:00Z' });
    await cronofy.deleteExternalEvent(calendarId, uid!);
    expect(await cronofy.readEvents({ fromDate: '2026-05-31', toDate: '2026-06-02' }).all()).toEqual([]);
  });

  it('pages through 260 events following next_page, and free/busy the same way', async () => {
    const seeds = Array.from({ length: 260 }, (_, i) => ({ summary: `E${i}`, start: new Date(Date.UTC(2026, 6, 1, 0, i)).toISOString().replace('.000', ''), end: new Date(Date.UTC(2026, 6, 1, 0, i + 1)).toISOString().replace('.000', '') }));
    sim.seedEvents('user-1', calendarId, seeds);
    const events = cronofy.readEvents({ fromDate: '2026-07-01', toDate: '2026-07-02', calendarIds: [calendarId] });
    let n = 0;
    for await (const e of events) expect(e.summary).toBe(`E${n++}`);
    expect(n).toBe(260);
    expect(events.pagesLoaded).toBe(11);
    const pageRequests = sim.sim.log.filter((r) => r.path.startsWith('/v1/events/pages/'));
    expect(pageRequests).toHaveLength(10);
    expect(pageRequests.every((r) => r.query.toString() === '')).toBe(true); // next_page verbatim
    const busy = await cronofy.readFreeBusy({ fromDate: '2026-07-01', toDate: '2026-07-02' }).all();
    expect(busy).toHaveLength(260);
    expect(busy[0]).toMatchObject({ calendar_id: calendarId, free_busy_status: 'busy' });
  });

  it('refuses a next_page that points at a foreign host and sends it no token', async () => {
    const foreign = await startCallbackServer();
    try {
      sim.seedEvents('user-1', calendarId, Array.from({ length: 30 }, (_, i) => ({ summary: `E${i}`, start: `2026-07-01T0${i % 10}:00:00Z`, end: `2026-07-01T0${i % 10}:30:00Z` })));
      sim.setNextPageOrigin(new URL(foreign.url).origin);
      const err = await cronofy.readEvents({ fromDate: '2026-07-01', toDate: '2026-07-02' }).all().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProtocolError);
      expect(foreign.received).toHaveLength(0);
      sim.setNextPageOrigin(sim.appUrl); // the app host is not the API host either
      await expect(cronofy.readEvents({ fromDate: '2026-07-01', toDate: '2026-07-02' }).all()).rejects.toBeInstanceOf(ProtocolError);
    } finally {
      await foreign.close();
    }
  });

  it('notification channels: verification and change pushes are signed and verify with the client secret', async () => {
    const receiver = await startCallbackServer();
    try {
      const channel = await cronofy.createNotificationChannel(receiver.url, { calendarIds: [calendarId] });
      expect(channel.channel_id).toMatch(/^chn_/);
      expect((await cronofy.listNotificationChannels()).map((c) => c.channel_id)).toEqual([channel.channel_id]);
      await cronofy.upsertEvent(calendarId, { event_id: 'p1', summary: 'Ping', start: '2026-05-01T09:00:00Z', end: '2026-05-01T10:00:00Z' });
      await sim.flushPushes();
      expect(receiver.received.map((r) => JSON.parse(r.body).notification.type)).toEqual(['verification', 'change']);
      for (const push of receiver.received) {
        expect(await verifyCronofyNotification(push.body, push.headers['cronofy-hmac-sha256'] as string, SECRET)).toBe(true);
        expect(await verifyCronofyNotification(push.body, push.headers['cronofy-hmac-sha256'] as string, 'wrong')).toBe(false);
      }
      const change = JSON.parse(receiver.received[1]!.body);
      const changed = await cronofy.readEvents({ lastModified: change.notification.changes_since, onlyManaged: true }).all();
      expect(changed.map((e) => e.event_id)).toEqual(['p1']);
      await cronofy.closeNotificationChannel(channel.channel_id);
      expect(await cronofy.listNotificationChannels()).toEqual([]);
      await expect(cronofy.closeNotificationChannel(channel.channel_id)).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await receiver.close();
    }
  });

  it('signatures during secret rotation: several comma-separated values, any may match', async () => {
    const rotating = await startCronofySimulator({ clients: [{ clientId: 'c2', clientSecret: 'new-secret' }], extraSigningSecrets: ['old-secret'] });
    const receiver = await startCallbackServer();
    try {
      const { accessToken } = rotating.issueToken('u', 'c2');
      await new CronofyClient({ accessToken, hosts: rotating.hosts }).createNotificationChannel(receiver.url);
      await rotating.flushPushes();
      const header = receiver.received[0]!.headers['cronofy-hmac-sha256'] as string;
      expect(header.split(',')).toHaveLength(2);
      expect(await verifyCronofyNotification(receiver.received[0]!.body, header, 'old-secret')).toBe(true);
      expect(await verifyCronofyNotification(receiver.received[0]!.body, header, 'new-secret')).toBe(true);
    } finally {
      await receiver.close();
      await rotating.close();
    }
  });

  it('availability, real-time scheduling, smart invites and element tokens use the client secret', async () => {
    const sub = (await cronofy.account()).account_id;
    await cronofy.upsertEvent(calendarId, { event_id: 'busy', summary: 'Busy', start: '2026-05-01T10:00:00Z', end: '2026-05-01T11:00:00Z' });
    const avail = await cronofy.availability({ participants: [{ members: [sub] }], requiredDuration: 30, queryPeriods: [{ start: '2026-05-01T09:00:00Z', end: '2026-05-01T12:00:00Z' }] });
    expect(avail.available_periods?.map((p) => [p.start, p.end])).toEqual([['2026-05-01T09:00:00Z', '2026-05-01T10:00:00Z'], ['2026-05-01T11:00:00Z', '2026-05-01T12:00:00Z']]);
    expect(sim.sim.log.find((r) => r.path === '/v1/availability')?.headers['authorization']).toBe(`Bearer ${SECRET}`);

    const rts = await cronofy.realTimeScheduling({ oauth: { redirect_uri: 'https://x.test/done' }, event: { event_id: 'rts', summary: 'Meet', tzid: 'Etc/UTC' }, availability: { participants: [{ members: [{ sub }] }], required_duration: { minutes: 30 } }, target_calendars: [{ sub, calendar_id: calendarId }] });
    expect(rts.real_time_scheduling_id).toMatch(/^sch_/);
    expect((await cronofy.getRealTimeScheduling({ id: rts.real_time_scheduling_id })).status).toBe('open');
    const token = new URL(rts.url!).pathname.split('/').pop()!;
    expect((await cronofy.getRealTimeScheduling({ token })).real_time_scheduling_id).toBe(rts.real_time_scheduling_id);
    expect((await cronofy.disableRealTimeScheduling(rts.real_time_scheduling_id, 'Closed')).status).toBe('disabled');

    const invite = await cronofy.upsertSmartInvite({ smart_invite_id: 'si-1', recipient: { email: 'guest@x.test' }, event: { summary: 'Lunch', start: new Date('2026-05-02T12:00:00.5Z'), end: '2026-05-02T13:00:00Z', tzid: 'Etc/UTC' }, organizer: { name: 'Org' } });
    expect(invite.attachments?.icalendar).toContain('BEGIN:VCALENDAR');
    expect((await cronofy.getSmartInvite('si-1', 'guest@x.test')).recipient).toMatchObject({ email: 'guest@x.test', status: 'pending' });
    expect((await cronofy.cancelSmartInvite('si-1', 'guest@x.test')).attachments?.icalendar).toContain('METHOD:CANCEL');

    const el = await cronofy.elementToken({ permissions: ['agenda', 'availability'], origin: 'https://app.example.test', subs: [sub] });
    expect(el).toMatchObject({ expires_in: 64800, origin: 'https://app.example.test' });
    const bad = await fresh({ clientSecret: 'not-the-secret' }).elementToken({ permissions: ['agenda'], origin: 'https://x.test' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify(bad)).not.toContain('not-the-secret');
  });

  it('batch: 207 with per-entry statuses, a failed entry reported without throwing', async () => {
    const res = await cronofy.batch([
      batchEntries.upsertEvent(calendarId, { event_id: 'b1', summary: 'One', start: '2026-05-01T09:00:00Z', end: '2026-05-01T10:00:00Z' }),
      batchEntries.upsertEvent(calendarId, { event_id: 'b2', summary: 'Two', start: '2026-05-01T11:00:00Z', end: '2026-05-01T12:00:00Z' }),
      { method: 'POST', relativeUrl: `/v1/calendars/${calendarId}/events`, data: { event_id: 'b3', start: '2026-05-01T11:00:00Z', end: '2026-05-01T12:00:00Z' } },
      batchEntries.deleteEvent(calendarId, 'b2'),
    ]);
    expect(res.responses.map((r) => r.status)).toEqual([202, 202, 422, 202]);
    expect(res.ok).toBe(false);
    expect(res.failures[0]).toMatchObject({ index: 2, status: 422, data: { errors: { summary: [{ key: 'errors.required' }] } } });
    expect((await cronofy.readEvents({ onlyManaged: true }).all()).map((e) => e.event_id)).toEqual(['b1']);
  });

  it('the simulator 422s bad input that slipped past validation: ValidationError.details', async () => {
    // summary over the limit is caught client-side; a bad tzid-less read is not possible (defaulted): use raw 422 from the sim
    const err = await cronofy.upsertEvent('cal_unknown', { event_id: 'x', summary: 'S', start: '2026-01-01', end: '2026-01-02' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    const res = await cronofy.batch([{ method: 'POST', relativeUrl: `/v1/calendars/${calendarId}/events`, data: { event_id: 'z', summary: 'S', start: '2026-01-01T10:00:00.123Z', end: '2026-01-01T11:00:00Z' } }]);
    expect(res.failures[0]?.data).toEqual({ errors: { start: [{ key: 'errors.invalid', description: expect.stringMatching(/milliseconds/) }] } });
  });
});

describe('faults and throttling', () => {
  it('5xx on a GET is retried, then succeeds', async () => {
    sim.sim.faults.add({ path: '/v1/calendars', kind: 'status', status: 503, times: 2 });
    expect(await cronofy.listCalendars()).toHaveLength(1);
    expect(sim.sim.log.filter((r) => r.path === '/v1/calendars')).toHaveLength(3);
  });

  it('persistent 500 → ServerError; 429 with Retry-After → retried, then RateLimitError', async () => {
    sim.sim.faults.add({ path: '/v1/account', kind: 'status', status: 500, times: Infinity });
    expect(await cronofy.account().catch((e: unknown) => e)).toBeInstanceOf(ServerError);
    sim.sim.faults.clear();
    sim.sim.faults.add({ path: '/v1/profiles', kind: 'status', status: 429, retryAfter: 0, times: Infinity });
    const err = (await cronofy.listProfiles().catch((e: unknown) => e)) as RateLimitError;
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfter).toBe(0);
    expect(sim.sim.log.filter((r) => r.path === '/v1/profiles')).toHaveLength(3);
  });

  it('402, 403 and 423 from the API surface with distinct codes', async () => {
    for (const [status, code] of [[402, CronofyErrorCode.PaymentRequired], [403, CronofyErrorCode.InsufficientScope], [423, CronofyErrorCode.AccountLocked]] as const) {
      sim.sim.faults.add({ path: '/v1/calendars', kind: 'status', status });
      const err = (await cronofy.listCalendars().catch((e: unknown) => e)) as { code: string; status: number; headers?: Record<string, string> };
      expect(err.code).toBe(code);
      expect(err.status).toBe(status);
      expect(err.headers).toBeDefined();
    }
  });

  it('the simulator throttles per application: RateLimitError once retries are spent', async () => {
    const limited = await startCronofySimulator({ clients: [{ clientId: 'c3', clientSecret: 's3' }], rateLimit: { limit: 3, windowMs: 60_000, retryAfter: 1 } });
    try {
      const { accessToken } = limited.issueToken('u', 'c3');
      const c = new CronofyClient({ accessToken, hosts: limited.hosts, retry: { limit: 1, maxRetryAfter: 10 } });
      for (let i = 0; i < 3; i++) await c.listCalendars();
      const err = (await c.listCalendars().catch((e: unknown) => e)) as RateLimitError;
      expect(err).toBeInstanceOf(RateLimitError);
      expect(err.retryAfter).toBe(1);
    } finally {
      await limited.close();
    }
  });

  it('401 (expired token) → one refresh → success', async () => {
    sim.sim.faults.add({ path: '/v1/userinfo', kind: 'unauthorized' });
    const before = sim.oauth.tokenRequests;
    expect((await cronofy.userinfo()).sub).toMatch(/^acc_/);
    expect(sim.oauth.tokenRequests - before).toBe(1);
  });

  it('connection reset → NetworkError; malformed JSON and an HTML proxy page → ProtocolError; slow headers → TimeoutError', async () => {
    const once = fresh({ retry: false });
    sim.sim.faults.add({ path: '/v1/account', kind: 'reset' });
    expect(await once.account().catch((e: unknown) => e)).toBeInstanceOf(NetworkError);
    sim.sim.faults.add({ path: '/v1/account', kind: 'malformed' });
    expect(await once.account().catch((e: unknown) => e)).toBeInstanceOf(ProtocolError);
    sim.sim.faults.add({ path: '/v1/account', kind: 'content-type', contentType: 'text/html' });
    expect(await once.account().catch((e: unknown) => e)).toBeInstanceOf(ProtocolError);
    sim.sim.faults.add({ path: '/v1/account', kind: 'slow-headers', delayMs: 2000 });
    expect(await fresh({ retry: false, timeout: 100 }).account().catch((e: unknown) => e)).toBeInstanceOf(TimeoutError);
  });

  it('a truncated next page is a NetworkError mid-iteration', async () => {
    sim.seedEvents('user-1', calendarId, Array.from({ length: 30 }, (_, i) => ({ summary: `E${i}`, start: '2026-07-01T10:00:00Z', end: '2026-07-01T11:00:00Z' })));
    sim.sim.faults.add({ path: /^\/v1\/events\/pages\//, kind: 'truncated' });
    const err = await fresh({ retry: false }).readEvents({ fromDate: '2026-07-01', toDate: '2026-07-02' }).all().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
  });
});

describe('data centers', () => {
  it('a uk simulator serves a client configured for uk with its own hosts', async () => {
    const uk = await startCronofySimulator({ dataCenter: 'uk' });
    try {
      const { accessToken } = uk.issueToken('u');
      const c = new CronofyClient({ accessToken, dataCenter: 'uk', hosts: uk.hosts });
      expect(c.dataCenter).toBe('uk');
      expect(await c.listCalendars()).toHaveLength(1);
      expect(uk.appUrl).not.toBe(uk.apiUrl);
    } finally {
      await uk.close();
    }
  });
});

describe('availability rules, available periods, sequencing, permissions, service accounts', () => {
  it('rules: upsert/list/get/delete; a bad rule is a 422 with details', async () => {
    const rule = { availability_rule_id: 'work', tzid: 'Europe/London', weekly_periods: [{ day: 'monday', start_time: '09:00', end_time: '17:00' }] };
    expect((await cronofy.upsertAvailabilityRule(rule)).calendar_ids).toEqual([calendarId]);
    expect(await cronofy.listAvailabilityRules()).toHaveLength(1);
    expect((await cronofy.getAvailabilityRule('work')).tzid).toBe('Europe/London');
    await cronofy.deleteAvailabilityRule('work');
    await expect(cronofy.getAvailabilityRule('work')).rejects.toBeInstanceOf(NotFoundError);
    const err = (await cronofy.upsertAvailabilityRule({ ...rule, weekly_periods: [{ day: 'funday', start_time: '09:00', end_time: '17:00' }] }).catch((e: unknown) => e)) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.details[0]).toMatchObject({ field: 'weekly_periods[0]', key: 'errors.invalid' });
  });

  it('available periods: upsert, paged read across pages, batch, delete one and all', async () => {
    for (let i = 0; i < 30; i++) {
      await cronofy.upsertAvailablePeriod({ available_period_id: `p${i}`, start: new Date(Date.UTC(2026, 7, 1, i % 24)), end: new Date(Date.UTC(2026, 7, 1, i % 24, 30)) });
    }
    const periods = cronofy.readAvailablePeriods({ fromDate: '2026-08-01', toDate: '2026-08-02' });
    expect(await periods.all()).toHaveLength(30);
    expect(periods.pagesLoaded).toBe(2);
    const res = await cronofy.batch([batchEntries.deleteAvailablePeriod('p0'), batchEntries.upsertAvailablePeriod({ available_period_id: 'p99', start: '2026-08-01T23:00:00Z', end: '2026-08-01T23:30:00Z' })]);
    expect(res.ok).toBe(true);
    await cronofy.deleteAvailablePeriod('p1');
    expect(await cronofy.readAvailablePeriods({ fromDate: '2026-08-01', toDate: '2026-08-02' }).all()).toHaveLength(29);
    await cronofy.deleteAllAvailablePeriods();
    expect(await cronofy.readAvailablePeriods().all()).toEqual([]);
  });

  it('sequenced availability and real-time sequencing with the client secret', async () => {
    const sequences = await cronofy.sequencedAvailability({ sequence: [{ sequence_id: 'a', ordinal: 1, participants: [], required_duration: { minutes: 30 } }, { sequence_id: 'b', ordinal: 2, participants: [], required_duration: { minutes: 45 } }], query_periods: [{ start: new Date('2026-05-01T09:00:00.7Z'), end: '2026-05-01T17:00:00Z' }] });
    expect(sequences[0]).toEqual({ sequence: [expect.objectContaining({ sequence_id: 'a', start: '2026-05-01T09:00:00Z', end: '2026-05-01T09:30:00Z' }), expect.objectContaining({ sequence_id: 'b', end: '2026-05-01T10:15:00Z' })] });
    const rtsq = await cronofy.realTimeSequencing({ oauth: { redirect_uri: 'https://x.test/done' }, event: { event_id: 'e', summary: 'S', tzid: 'Etc/UTC' }, availability: { sequence: [] }, target_calendars: [] });
    expect(rtsq.url).toContain('/real_time_sequencing/');
    expect(sim.sim.log.filter((r) => /sequenc/.test(r.path)).every((r) => r.headers['authorization'] === `Bearer ${SECRET}`)).toBe(true);
  });

  it('elevated permissions, conferencing authorization URL, service accounts and resources', async () => {
    expect((await cronofy.elevatedPermissions([{ calendar_id: calendarId, permission_level: 'unrestricted' }], 'https://x.test/back')).url).toContain('/permissions/');
    expect(await cronofy.conferencingServiceAuthorizationUrl('https://x.test/back', 'zoom')).toContain('/conferencing/zoom/');
    await cronofy.authorizeWithServiceAccount('a@x.test', 'read_events', 'https://x.test/cb');
    await cronofy.authorizeMultipleAccountsViaServiceAccount([{ email: 'b@x.test', scope: 'read_events', callbackUrl: 'https://x.test/cb' }]);
    expect((await cronofy.resources()).map((r) => r.name)).toEqual(['Board Room', 'Projector']);
  });
});
