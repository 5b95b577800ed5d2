import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { NetworkError, ProtocolError, type TokenSet, type TokenStore } from '@cal/core';
import type { GraphSimulator } from '@cal/testkit/graph';
import { createGraphCalendar } from '@cal/graph';
import { connect, signedIn, startSim } from './helpers.js';

const sim: GraphSimulator = await startSim();
afterAll(() => sim.close());
beforeEach(() => sim.reset());

/** A shared store with a real mutex per key: what a Redis/DB-backed store does across processes. */
function lockingStore(): TokenStore & { data: Map<string, TokenSet> } {
  const data = new Map<string, TokenSet>();
  const queues = new Map<string, Promise<unknown>>();
  return {
    data,
    get: async (k) => data.get(k),
    set: async (k, t) => void data.set(k, t),
    delete: async (k) => void data.delete(k),
    lock<T>(k: string, fn: () => Promise<T>): Promise<T> {
      const prev = queues.get(k) ?? Promise.resolve();
      const next = prev.then(fn, fn);
      queues.set(k, next.catch(() => {}));
      return next;
    },
  };
}

describe('token sharing and faults', () => {
  it('two connections ("processes") sharing a locking store: expired token → exactly one refresh', async () => {
    const store = lockingStore();
    const t = sim.issueToken('user-1');
    const tokens = { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: Date.now() + 3_600_000 };
    const a = connect(sim, { tokenStore: store, tokens });
    const b = connect(sim, { tokenStore: store });
    await a.get('me');
    await b.get('me');
    sim.oauth.expireAccessTokens();
    const results = await Promise.all([...Array.from({ length: 10 }, () => a.get('me/calendar')), ...Array.from({ length: 10 }, () => b.get('me/calendar'))]);
    expect(results.every((r) => r.status === 200)).toBe(true);
    // b got a 401 with the old token, found a fresher one in the store (a's refresh) and reused it.
    expect(sim.oauth.tokenRequests).toBe(1);
    expect((await a.getTokens())?.accessToken).toBe((await b.getTokens())?.accessToken);
  });

  it('client credentials: a 401 fetches a new app token (no refresh token involved)', async () => {
    const con = connect(sim, { authFlowType: 'credentials', tenantId: 'contoso.example' });
    await con.requestToken();
    sim.oauth.expireAccessTokens();
    expect((await con.get('users/user-1/calendar')).status).toBe(200);
    expect(sim.oauth.tokenRequests).toBe(2);
    const cal = createGraphCalendar(con, { user: 'user-1@contoso.example' });
    expect((await cal.listCalendars())[0]?.name).toBe('Calendar');
    expect(sim.sim.log.at(-1)?.path).toBe('/v1.0/users/user-1%40contoso.example/calendars');
  });

  it('malformed JSON → ProtocolError; truncated body → NetworkError (after retries)', async () => {
    const cal = createGraphCalendar(await signedIn(sim, 'user-1', { requestRetries: 0 }));
    sim.sim.faults.add({ path: '/v1.0/me/calendars', kind: 'malformed' });
    await expect(cal.listCalendars()).rejects.toBeInstanceOf(ProtocolError);
    sim.sim.faults.add({ path: '/v1.0/me/calendars', kind: 'truncated' });
    await expect(cal.listCalendars()).rejects.toBeInstanceOf(NetworkError);
    sim.sim.faults.add({ path: '/v1.0/me/calendars', kind: 'content-type', contentType: 'text/html' });
    await expect(cal.listCalendars()).rejects.toBeInstanceOf(ProtocolError);
  });

  it('typed API retries a throttled GET by Retry-After, then succeeds', async () => {
    const cal = createGraphCalendar(await signedIn(sim));
    sim.seedEvents('user-1', 3);
    sim.sim.faults.add({ path: '/v1.0/me/calendarView', kind: 'status', status: 429, retryAfter: 1, body: { error: { code: 'ApplicationThrottled', message: 'x' } } });
    const t0 = Date.now();
    expect(await cal.listCalendarView({ start: '2026-01-01T00:00:00Z', end: '2026-02-01T00:00:00Z' })).toHaveLength(3);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  });
});
