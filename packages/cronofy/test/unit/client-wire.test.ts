import { describe, expect, it } from 'vitest';
import { batchEntries, CronofyClient } from '@cal/cronofy';
import { client, stubFetch } from './helpers.js';

const API = 'https://api-uk.cronofy.com';

describe('CronofyClient wire format (one test per method)', () => {
  it('data centers map to api/app hosts and unknown ids are rejected', () => {
    expect(new CronofyClient({}).hosts).toEqual({ api: 'https://api.cronofy.com', app: 'https://app.cronofy.com' });
    for (const dc of ['uk', 'de', 'ca', 'au', 'sg'] as const) {
      expect(new CronofyClient({ dataCenter: dc }).hosts).toEqual({ api: `https://api-${dc}.cronofy.com`, app: `https://app-${dc}.cronofy.com` });
    }
    expect(() => new CronofyClient({ dataCenter: 'us2' as 'us' })).toThrow(/Unknown Cronofy data center/);
  });

  it('userAuthLink builds the app-host URL with only the parameters given', () => {
    const url = new URL(client(undefined).userAuthLink('https://x.test/cb', { state: 's1', avoidLinking: true, scope: ['read_events', 'create_event'] }));
    expect(url.origin).toBe('https://app-uk.cronofy.com');
    expect(url.pathname).toBe('/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code', client_id: 'cid', redirect_uri: 'https://x.test/cb', scope: 'read_events create_event', state: 's1', avoid_linking: 'true',
    });
    const plain = new URL(client(undefined).userAuthLink('https://x.test/cb'));
    expect(plain.searchParams.get('scope')).toBe('read_account list_calendars read_events create_event delete_event');
    expect(plain.searchParams.has('state')).toBe(false);
    expect(plain.searchParams.has('avoid_linking')).toBe(false);
  });

  it('getAuthorizationFromCode posts body credentials to the API host and returns Cronofy fields', async () => {
    const { fetch, last } = stubFetch({
      'POST /oauth/token': { body: { token_type: 'bearer', access_token: 'a2', refresh_token: 'r2', expires_in: 3600, scope: 'read_events', account_id: 'acc_1', sub: 'acc_1', linking_profile: { provider_name: 'google', profile_id: 'pro_1', profile_name: 'x@y' } } },
    });
    const c = client(fetch, { accessToken: undefined as unknown as string, refreshToken: undefined as unknown as string });
    const auth = await c.getAuthorizationFromCode('the-code', 'https://x.test/cb');
    const req = last();
    expect(req.url.href).toBe(`${API}/oauth/token`);
    const form = new URLSearchParams(req.body);
    expect(Object.fromEntries(form)).toMatchObject({ grant_type: 'authorization_code', code: 'the-code', redirect_uri: 'https://x.test/cb', client_id: 'cid', client_secret: 'csecret' });
    expect(req.headers.get('authorization')).toBeNull();
    expect(auth).toMatchObject({ accessToken: 'a2', refreshToken: 'r2', accountId: 'acc_1', sub: 'acc_1', scope: 'read_events', linkingProfile: { profile_id: 'pro_1' } });
    expect(auth.tokenExpiration).toBeInstanceOf(Date);
    expect(c.tokens?.accessToken).toBe('a2');
  });

  it('refreshAuthorization and revokeAuthorization (revoke sends the refresh token)', async () => {
    const { fetch, seen } = stubFetch({
      'POST /oauth/token': { body: { token_type: 'bearer', access_token: 'a3', refresh_token: 'r3', expires_in: 60 } },
      'POST /oauth/token/revoke': { status: 200 },
    });
    const c = client(fetch);
    const auth = await c.refreshAuthorization();
    expect(new URLSearchParams(seen[0]!.body).get('refresh_token')).toBe('refresh-token');
    expect(auth.refreshToken).toBe('r3');
    await c.revokeAuthorization();
    const revoke = seen[1]!;
    expect(revoke.url.href).toBe(`${API}/oauth/token/revoke`);
    expect(Object.fromEntries(new URLSearchParams(revoke.body))).toMatchObject({ token: 'r3', client_id: 'cid', client_secret: 'csecret' });
    expect(c.tokens).toBeUndefined();
    expect(c.isAuthorizationExpired()).toBe(true);
  });

  it('isAuthorizationExpired follows tokenExpiration (Date, epoch ms or ISO string)', () => {
    expect(client(undefined, { tokenExpiration: new Date(Date.now() - 1000) }).isAuthorizationExpired()).toBe(true);
    expect(client(undefined, { tokenExpiration: Date.now() + 60_000 }).isAuthorizationExpired()).toBe(false);
    expect(client(undefined, { tokenExpiration: '2000-01-01T00:00:00Z' }).isAuthorizationExpired()).toBe(true);
    expect(new CronofyClient({ accessToken: 'pat' }).isAuthorizationExpired()).toBe(false);
    expect(new CronofyClient({}).isAuthorizationExpired()).toBe(true);
  });

  it('account, userinfo, listProfiles, listCalendars unwrap consistently and send the user token', async () => {
    const { fetch, seen } = stubFetch({
      'GET /v1/account': { body: { account: { account_id: 'acc_1', email: 'a@b' } } },
      'GET /v1/userinfo': { body: { sub: 'acc_1', 'cronofy.type': 'account' } },
      'GET /v1/profiles': { body: { profiles: [{ profile_id: 'pro_1' }] } },
      'GET /v1/calendars': { body: { calendars: [{ calendar_id: 'cal_1' }] } },
    });
    const c = client(fetch);
    expect(await c.account()).toEqual({ account_id: 'acc_1', email: 'a@b' });
    expect(await c.userinfo()).toEqual({ sub: 'acc_1', 'cronofy.type': 'account' });
    expect(await c.listProfiles()).toEqual([{ profile_id: 'pro_1' }]);
    expect(await c.listCalendars()).toEqual([{ calendar_id: 'cal_1' }]);
    for (const s of seen) {
      expect(s.headers.get('authorization')).toBe('Bearer user-token');
      expect(s.headers.get('content-type')).toBeNull(); // no JSON content type on GETs (pycronofy/node quirk, §9-10)
      expect(s.body).toBe('');
      expect(s.headers.get('user-agent')).toMatch(/@cal\/cronofy/);
    }
  });

  it('createCalendar and revokeProfile', async () => {
    const { fetch, seen } = stubFetch({ 'POST /v1/calendars': { body: { calendar: { calendar_id: 'cal_2' } } } });
    const c = client(fetch);
    expect(await c.createCalendar('pro_1', 'Work', { color: '#49BED8' })).toEqual({ calendar_id: 'cal_2' });
    expect(seen[0]!.json()).toEqual({ profile_id: 'pro_1', name: 'Work', color: '#49BED8' });
    await c.revokeProfile('pro_1');
    expect(seen[1]!.url.pathname).toBe('/v1/profiles/pro_1/revoke');
    expect(seen[1]!.body).toBe('');
  });

  it('readEvents sends UTC times without milliseconds, lowercase booleans, calendar_ids[] and no include_managed default', async () => {
    const { fetch, seen } = stubFetch({ 'GET /v1/events': { body: { pages: { current: 1, total: 1 }, events: [{ calendar_id: 'c', summary: 'x', start: '2026-01-01', end: '2026-01-02' }] } } });
    const c = client(fetch);
    const events = c.readEvents({
      calendarIds: ['cal_a', 'cal_b'],
      fromDate: new Date('2026-01-01T10:00:00.123Z'),
      toDate: '2026-02-01',
      tzid: 'Europe/London',
      lastModified: '2026-01-01T12:00:00+02:00',
      includeDeleted: false,
      localizedTimes: true,
    });
    expect(seen).toHaveLength(0); // lazy
    expect(await events.all()).toHaveLength(1);
    const q = seen[0]!.url.searchParams;
    expect(q.get('from')).toBe('2026-01-01T10:00:00Z');
    expect(q.get('to')).toBe('2026-02-01');
    expect(q.get('tzid')).toBe('Europe/London');
    expect(q.get('last_modified')).toBe('2026-01-01T10:00:00Z');
    expect(q.get('include_deleted')).toBe('false');
    expect(q.get('localized_times')).toBe('true');
    expect(q.getAll('calendar_ids[]')).toEqual(['cal_a', 'cal_b']);
    expect(q.has('include_managed')).toBe(false);
    expect(q.has('only_managed')).toBe(false);
  });

  it('readFreeBusy defaults tzid to Etc/UTC and pages like readEvents', async () => {
    const { fetch, seen } = stubFetch({ 'GET /v1/free_busy': { body: { pages: { current: 1, total: 1 }, free_busy: [{ calendar_id: 'c', start: 's', end: 'e', free_busy_status: 'busy' }] } } });
    const blocks = await client(fetch).readFreeBusy({ includeManaged: true }).all();
    expect(blocks[0]?.free_busy_status).toBe('busy');
    expect(seen[0]!.url.searchParams.get('tzid')).toBe('Etc/UTC');
    expect(seen[0]!.url.searchParams.get('include_managed')).toBe('true');
  });

  it('upsertEvent formats Date / ISO / date-only / {time,tzid} and does not mutate the input', async () => {
    const { fetch, seen } = stubFetch();
    const c = client(fetch);
    const event = { event_id: 'e1', summary: 'Hi', start: new Date('2026-03-01T09:00:00.500Z'), end: { time: '2026-03-01T11:00:00+01:00', tzid: 'Europe/Paris' }, location: { description: 'Desk' } };
    const copy = structuredClone(event);
    expect(await c.upsertEvent('cal_1', event)).toBeUndefined();
    expect(event).toEqual(copy);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.url.pathname).toBe('/v1/calendars/cal_1/events');
    expect(seen[0]!.json()).toEqual({ event_id: 'e1', summary: 'Hi', start: '2026-03-01T09:00:00Z', end: { time: '2026-03-01T10:00:00Z', tzid: 'Europe/Paris' }, location: { description: 'Desk' } });
    await c.upsertEvent('cal_1', { event_id: 'e2', summary: 'Retreat', start: '2026-09-06', end: '2026-09-08' });
    expect(seen[1]!.json()).toMatchObject({ start: '2026-09-06', end: '2026-09-08' });
  });

  it('deleteEvent / deleteExternalEvent send JSON bodies on DELETE', async () => {
    const { fetch, seen } = stubFetch();
    const c = client(fetch);
    await c.deleteEvent('cal_1', 'e1');
    await c.deleteExternalEvent('cal_1', 'uid_1');
    expect(seen.map((s) => [s.method, s.url.pathname, s.json()])).toEqual([
      ['DELETE', '/v1/calendars/cal_1/events', { event_id: 'e1' }],
      ['DELETE', '/v1/calendars/cal_1/events', { event_uid: 'uid_1' }],
    ]);
    expect(seen[0]!.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('deleteAllEvents sends a JSON body, never query parameters', async () => {
    const { fetch, seen } = stubFetch();
    const c = client(fetch);
    await c.deleteAllEvents();
    await c.deleteAllEvents({ calendarIds: ['cal_1'] });
    expect(seen.map((s) => [s.method, s.url.href, s.json()])).toEqual([
      ['DELETE', `${API}/v1/events`, { delete_all: true }],
      ['DELETE', `${API}/v1/events`, { calendar_ids: ['cal_1'] }],
    ]);
  });

  it('changeParticipationStatus', async () => {
    const { fetch, last } = stubFetch();
    await client(fetch).changeParticipationStatus('cal 1', 'uid/1', 'declined');
    expect(last().url.pathname).toBe('/v1/calendars/cal%201/events/uid%2F1/participation_status');
    expect(last().json()).toEqual({ status: 'declined' });
  });

  it('notification channels: create (filters only when given), list, close', async () => {
    const channel = { channel_id: 'chn_1', callback_url: 'https://x.test/push', filters: {} };
    const { fetch, seen } = stubFetch({ 'POST /v1/channels': { body: { channel } }, 'GET /v1/channels': { body: { channels: [channel] } } });
    const c = client(fetch);
    expect(await c.createNotificationChannel('https://x.test/push')).toEqual(channel);
    await c.createNotificationChannel('https://x.test/push', { calendarIds: ['cal_1'], onlyManaged: true });
    expect(await c.listNotificationChannels()).toEqual([channel]);
    await c.closeNotificationChannel('chn_1');
    expect(seen[0]!.json()).toEqual({ callback_url: 'https://x.test/push' });
    expect(seen[1]!.json()).toEqual({ callback_url: 'https://x.test/push', filters: { calendar_ids: ['cal_1'], only_managed: true } });
    expect([seen[3]!.method, seen[3]!.url.pathname]).toEqual(['DELETE', '/v1/channels/chn_1']);
  });

  it('availability uses the client secret, maps the sugar, and can opt into the user token', async () => {
    const { fetch, seen } = stubFetch({ 'POST /v1/availability': { body: { available_periods: [] } } });
    const query = { participants: [{ members: ['acc_1', { sub: 'acc_2', calendar_ids: ['cal_9'] }] }], requiredDuration: 60, queryPeriods: [{ start: new Date('2026-01-01T09:00:00.999Z'), end: '2026-01-01T17:00:00Z' }], startInterval: { minutes: 30 } };
    expect(await client(fetch).availability(query)).toEqual({ available_periods: [] });
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer csecret');
    expect(seen[0]!.json()).toEqual({
      participants: [{ members: [{ sub: 'acc_1' }, { sub: 'acc_2', calendar_ids: ['cal_9'] }], required: 'all' }],
      required_duration: { minutes: 60 },
      query_periods: [{ start: '2026-01-01T09:00:00Z', end: '2026-01-01T17:00:00Z' }],
      start_interval: { minutes: 30 },
    });
    await client(fetch, { availabilityWithUserToken: true }).availability(query);
    expect(seen[1]!.headers.get('authorization')).toBe('Bearer user-token');
  });

  it('real-time scheduling: create, status by id and by token, disable (client secret; Dates in bodies formatted)', async () => {
    const rts = { real_time_scheduling: { real_time_scheduling_id: 'sch_1', url: 'https://app.cronofy.com/rts/x', status: 'open' } };
    const { fetch, seen } = stubFetch({ '*': { body: rts } });
    const c = client(fetch);
    const req = { oauth: { redirect_uri: 'https://x.test/done' }, event: { event_id: 'e', summary: 'S', tzid: 'Etc/UTC' }, availability: { participants: [], required_duration: { minutes: 30 }, query_periods: [{ start: new Date('2026-01-01T09:00:00.250Z'), end: new Date('2026-01-01T10:00:00Z') }] }, target_calendars: [{ sub: 'acc_1', calendar_id: 'cal_1' }] };
    expect((await c.realTimeScheduling(req)).real_time_scheduling_id).toBe('sch_1');
    expect((seen[0]!.json()['availability'] as { query_periods: unknown[] }).query_periods).toEqual([{ start: '2026-01-01T09:00:00Z', end: '2026-01-01T10:00:00Z' }]);
    await c.getRealTimeScheduling({ id: 'sch_1' });
    await c.getRealTimeScheduling({ token: 'tok' });
    await c.disableRealTimeScheduling('sch_1', 'Closed');
    expect(seen.map((s) => `${s.method} ${s.url.pathname}${s.url.search}`)).toEqual([
      'POST /v1/real_time_scheduling', 'GET /v1/real_time_scheduling/sch_1', 'GET /v1/real_time_scheduling?token=tok', 'POST /v1/real_time_scheduling/sch_1/disable',
    ]);
    expect(seen[3]!.json()).toEqual({ display_message: 'Closed' });
    expect(seen.every((s) => s.headers.get('authorization') === 'Bearer csecret')).toBe(true);
  });

  it('smart invites: upsert, cancel, get (client secret)', async () => {
    const { fetch, seen } = stubFetch({ '*': { body: { smart_invite_id: 'si_1', attachments: { icalendar: 'BEGIN:VCALENDAR' } } } });
    const c = client(fetch);
    await c.upsertSmartInvite({ smart_invite_id: 'si_1', recipient: { email: 'r@x.test' }, event: { summary: 'S', start: new Date('2026-01-01T09:00:00.1Z'), end: '2026-01-01T10:00:00Z', tzid: 'Etc/UTC' }, organizer: { name: 'Org' } });
    await c.cancelSmartInvite('si_1', 'r@x.test');
    const got = await c.getSmartInvite('si_1', 'r@x.test');
    expect(got.smart_invite_id).toBe('si_1');
    expect(seen[0]!.json()).toMatchObject({ smart_invite_id: 'si_1', event: { start: '2026-01-01T09:00:00Z' } });
    expect(seen[1]!.json()).toEqual({ method: 'cancel', smart_invite_id: 'si_1', recipient: { email: 'r@x.test' } });
    expect(Object.fromEntries(seen[2]!.url.searchParams)).toEqual({ smart_invite_id: 'si_1', recipient_email: 'r@x.test' });
    expect(seen.every((s) => s.headers.get('authorization') === 'Bearer csecret')).toBe(true);
  });

  it('elementToken unwraps element_token and forces version 1', async () => {
    const { fetch, last } = stubFetch({ 'POST /v1/element_tokens': { body: { element_token: { token: 'el_1', expires_in: 64800, permissions: ['agenda'], origin: 'https://x.test' } } } });
    const tok = await client(fetch).elementToken({ permissions: ['agenda'], origin: 'https://x.test', subs: ['acc_1'] });
    expect(tok.token).toBe('el_1');
    expect(last().json()).toEqual({ version: '1', permissions: ['agenda'], origin: 'https://x.test', subs: ['acc_1'] });
    expect(last().headers.get('authorization')).toBe('Bearer csecret');
  });

  it('batch: 207 is not an error, 200/201 entries count as success, failures are listed', async () => {
    const { fetch, last } = stubFetch({ 'POST /v1/batch': { status: 207, body: { batch: [{ status: 202 }, { status: 200 }, { status: 201 }, { status: 422, data: { errors: { summary: [{ key: 'errors.required' }] } } }] } } });
    const res = await client(fetch).batch([
      batchEntries.upsertEvent('cal_1', { event_id: 'e1', summary: 'S', start: new Date('2026-01-01T09:00:00.5Z'), end: '2026-01-01T10:00:00Z' }),
      batchEntries.deleteEvent('cal_1', 'e2'),
      batchEntries.deleteExternalEvent('cal_1', 'uid'),
      { method: 'POST', relativeUrl: '/v1/calendars/cal_1/events', data: {} },
    ]);
    expect(res.ok).toBe(false);
    expect(res.failures).toEqual([{ index: 3, status: 422, data: { errors: { summary: [{ key: 'errors.required' }] } } }]);
    expect(last().json()).toEqual({
      batch: [
        { method: 'POST', relative_url: '/v1/calendars/cal_1/events', data: { event_id: 'e1', summary: 'S', start: '2026-01-01T09:00:00Z', end: '2026-01-01T10:00:00Z' } },
        { method: 'DELETE', relative_url: '/v1/calendars/cal_1/events', data: { event_id: 'e2' } },
        { method: 'DELETE', relative_url: '/v1/calendars/cal_1/events', data: { event_uid: 'uid' } },
        { method: 'POST', relative_url: '/v1/calendars/cal_1/events', data: {} },
      ],
    });
  });

  it('applicationCalendar posts body credentials without an Authorization header', async () => {
    const { fetch, last } = stubFetch({ 'POST /v1/application_calendars': { body: { token_type: 'bearer', access_token: 'apc_tok', refresh_token: 'apc_ref', expires_in: 3600, sub: 'apc_1', application_calendar_id: 'my-cal', linking_profile: { provider_name: 'cronofy' } } } });
    const c = client(fetch);
    const auth = await c.applicationCalendar('my-cal');
    expect(last().headers.get('authorization')).toBeNull();
    expect(last().json()).toEqual({ client_id: 'cid', client_secret: 'csecret', application_calendar_id: 'my-cal' });
    expect(auth).toMatchObject({ accessToken: 'apc_tok', sub: 'apc_1', applicationCalendarId: 'my-cal' });
    expect(c.tokens?.accessToken).toBe('apc_tok');
  });

  it('onRequest sees every request (pycronofy set_request_hook) with the token redacted', async () => {
    const events: { method: string; url: string; status?: number; requestHeaders: Record<string, string> }[] = [];
    const { fetch } = stubFetch({ 'GET /v1/calendars': { body: { calendars: [] } } });
    await client(fetch, { onRequest: (e) => void events.push(e as never) }).listCalendars();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ method: 'GET', url: 'https://api-uk.cronofy.com/v1/calendars', status: 200 });
    expect(JSON.stringify(events)).not.toContain('user-token');
  });
});
