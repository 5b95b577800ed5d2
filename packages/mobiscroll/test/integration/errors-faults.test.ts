import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMobiscrollSimulator, type MobiscrollSimulator } from '@cal/testkit/mobiscroll';
import {
  AuthenticationError,
  CalendarPermissionError,
  MobiscrollConnectError,
  NetworkError,
  RateLimitError,
  ServerError,
} from '@cal/mobiscroll';
import * as core from '@cal/core';
import { signedIn, thisMonth } from './helpers.js';

let sim: MobiscrollSimulator;
beforeAll(async () => {
  sim = await startMobiscrollSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('errors and faults against the simulator', () => {
  it('403 calendar_permission_required keeps accounts', async () => {
    const { client } = await signedIn(sim);
    for (const p of ['google', 'microsoft', 'apple', 'caldav'] as const) {
      for (const a of sim.user('user-1').accounts[p]) a.calendarPermissionGranted = false;
    }
    const err = (await client.calendars.list().catch((e: unknown) => e)) as CalendarPermissionError;
    expect(err).toBeInstanceOf(CalendarPermissionError);
    expect(err).toBeInstanceOf(core.AuthenticationError);
    expect(err).toBeInstanceOf(MobiscrollConnectError);
    expect(err.accounts).toContainEqual({ provider: 'google', account: 'alice@gmail.com' });
    expect(err.status).toBe(403);
  });

  it('free-busy: /calendars 403 {error}; events anonymised', async () => {
    const { client } = await signedIn(sim, 'free-busy');
    const err = (await client.calendars.list().catch((e: unknown) => e)) as AuthenticationError;
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.message).toMatch(/forbidden for free-busy scope/);
    const page = await client.events.list(thisMonth());
    expect(page.events.every((e) => e.title === 'Busy' && e.description === undefined)).toBe(true);
  });

  it('5xx on an idempotent GET is retried; POST is not', async () => {
    const { client } = await signedIn(sim);
    sim.sim.faults.add({ method: 'GET', path: '/api/calendars', kind: 'status', status: 503 });
    expect(await client.calendars.list()).toHaveLength(4);
    sim.sim.faults.add({ method: 'POST', path: '/api/event', kind: 'status', status: 500, body: { message: 'boom' } });
    const err = (await client.events
      .create({ provider: 'google', calendarId: 'alice@gmail.com', title: 't', start: '2030-01-01T00:00:00Z', end: '2030-01-01T01:00:00Z' })
      .catch((e: unknown) => e)) as ServerError;
    expect(err).toBeInstanceOf(ServerError);
    expect(err.statusCode).toBe(500);
    expect(err.message).toMatch(/boom/);
    expect(sim.sim.log.filter((r) => r.path === '/api/event')).toHaveLength(1);
  });

  it('429 → RateLimitError with retryAfter once retries are spent (or off)', async () => {
    const { client } = await signedIn(sim, 'read-write', { retry: false });
    sim.sim.faults.add({ path: '/api/events', kind: 'status', status: 429, retryAfter: 7, body: { message: 'slow down' } });
    const err = (await client.events.list().catch((e: unknown) => e)) as RateLimitError;
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err).toBeInstanceOf(MobiscrollConnectError);
    expect(err.retryAfter).toBe(7);
  });

  it('simulator throttling answers 429 + Retry-After', async () => {
    const throttled = await startMobiscrollSimulator({ throttle: { limit: 2, windowMs: 60_000, retryAfterSeconds: 3 } });
    try {
      const { client } = await signedIn(throttled, 'read-write', { retry: false });
      await client.calendars.list();
      await client.calendars.list();
      const err = (await client.calendars.list().catch((e: unknown) => e)) as RateLimitError;
      expect(err).toBeInstanceOf(RateLimitError);
      expect(err.retryAfter).toBe(3);
    } finally {
      await throttled.close();
    }
  });

  it('connection reset → NetworkError; malformed/truncated JSON → typed errors, never a raw TypeError', async () => {
    const { client } = await signedIn(sim, 'read-write', { retry: false });
    sim.sim.faults.add({ path: '/api/calendars', kind: 'reset' });
    const reset = await client.calendars.list().catch((e: unknown) => e);
    expect(reset).toBeInstanceOf(NetworkError);
    expect(reset).toBeInstanceOf(MobiscrollConnectError);
    sim.sim.faults.add({ path: '/api/calendars', kind: 'malformed' });
    const malformed = await client.calendars.list().catch((e: unknown) => e);
    expect(malformed).toBeInstanceOf(core.ProtocolError);
    expect(malformed).toBeInstanceOf(MobiscrollConnectError);
    sim.sim.faults.add({ path: '/api/calendars', kind: 'truncated' });
    const truncated = await client.calendars.list().catch((e: unknown) => e);
    expect(core.isCalError(truncated)).toBe(true);
    expect(truncated).toBeInstanceOf(MobiscrollConnectError);
    sim.sim.faults.add({ path: '/api/calendars', kind: 'content-type', contentType: 'text/html' });
    const html = await client.calendars.list().catch((e: unknown) => e);
    expect(html).toBeInstanceOf(MobiscrollConnectError);
  });

  it('failed refresh (token endpoint down) surfaces a typed error; invalid_grant → AuthenticationError', async () => {
    const { client } = await signedIn(sim);
    sim.oauth.expireAccessTokens();
    sim.oauth.revokeUser('user-1');
    const err = await client.calendars.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toBeInstanceOf(MobiscrollConnectError);
    expect(String((err as Error).message)).not.toMatch(/Bearer|ms-secret/);
  });

  it('an injected 401 on a read refreshes once and repeats', async () => {
    const { client } = await signedIn(sim);
    sim.sim.faults.add({ path: '/api/calendars', kind: 'unauthorized' });
    const before = sim.oauth.tokenRequests;
    expect(await client.calendars.list()).toHaveLength(4);
    expect(sim.oauth.tokenRequests - before).toBe(1);
  });

  it('legacy connection-status path after a 404', async () => {
    const { client } = await signedIn(sim);
    sim.sim.faults.add({ path: '/api/oauth/connection-status', kind: 'status', status: 404, body: { error: 'Not found' } });
    sim.sim.route('GET', '/api/connection-status', () => ({ body: { connections: { google: [{ id: 'legacy@x.com' }] } } }));
    const status = await client.auth.getConnectionStatus();
    expect(status.connections.google[0]!.id).toBe('legacy@x.com');
    expect(status.connections.caldav).toEqual([]);
  });
});
