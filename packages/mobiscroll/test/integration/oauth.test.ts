import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMobiscrollSimulator, type MobiscrollSimulator } from '@cal/testkit/mobiscroll';
import { AuthenticationError, MobiscrollConnectError, ValidationError } from '@cal/mobiscroll';
import { authorizeCode, clientFor, signedIn } from './helpers.js';

let sim: MobiscrollSimulator;
beforeAll(async () => {
  sim = await startMobiscrollSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('OAuth against the Mobiscroll simulator', () => {
  it('authorize URL → code → getToken (Basic) stores tokens and calls work', async () => {
    const { client, tokenStore } = clientFor(sim);
    const url = client.auth.generateAuthUrl({ userId: 'user-1', scope: 'read-write', state: 'csrf', providers: ['google', 'microsoft'], lng: 'de' });
    const u = new URL(url);
    expect(u.pathname).toBe('/api/oauth/authorize');
    expect(Object.fromEntries(u.searchParams)).toMatchObject({ response_type: 'code', client_id: 'ms-client', user_id: 'user-1', providers: 'google,microsoft', lng: 'de', state: 'csrf' });
    const tokens = await client.auth.getToken(await authorizeCode(url));
    expect(tokens.accessToken).toBeTruthy();
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt).toBeInstanceOf(Date);
    expect((await tokenStore.get('mobiscroll:ms-client'))?.refreshToken).toBe(tokens.refreshToken);
    const tokenReq = sim.sim.log.find((r) => r.path === '/api/oauth/token')!;
    expect(tokenReq.headers.authorization).toMatch(/^Basic /);
    expect(tokenReq.headers['content-type']).toMatch(/x-www-form-urlencoded/);
    expect(await client.calendars.list()).toHaveLength(4);
  });

  it('in-body client authentication (clientAuth: post)', async () => {
    const { client } = clientFor(sim, { clientAuth: 'post' });
    await client.auth.getToken(await authorizeCode(client.auth.generateAuthUrl({ userId: 'user-1' })));
    const tokenReq = sim.sim.log.find((r) => r.path === '/api/oauth/token')!;
    expect(tokenReq.headers.authorization).toBeUndefined();
    expect(new URLSearchParams(tokenReq.body).get('client_id')).toBe('ms-client');
  });

  it('a bad code → AuthenticationError, no secret in the error', async () => {
    const { client } = clientFor(sim);
    const err = await client.auth.getToken('nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toBeInstanceOf(MobiscrollConnectError);
    expect(JSON.stringify(err) + String(err)).not.toContain('ms-secret');
  });

  it('401 → one refresh, rotated token stored and reported before it is used', async () => {
    const { client, tokenStore } = await signedIn(sim);
    const seen: string[] = [];
    client.onTokensRefreshed(async (t) => {
      // Stored before the callback, callback before the token is used.
      expect((await tokenStore.get('mobiscroll:ms-client'))?.refreshToken).toBe(t.refreshToken);
      expect(sim.sim.log.some((r) => r.headers.authorization === `Bearer ${t.accessToken}`)).toBe(false);
      seen.push(t.refreshToken!);
    });
    const before = sim.oauth.tokenRequests;
    sim.oauth.expireAccessTokens();
    await client.calendars.list();
    expect(sim.oauth.tokenRequests - before).toBe(1);
    expect(seen).toHaveLength(1);
    sim.oauth.expireAccessTokens();
    await client.calendars.list();
    expect(seen).toHaveLength(2);
    expect(seen[0]).not.toBe(seen[1]);
  });

  it('20 concurrent 401s share exactly one refresh', async () => {
    const { client } = await signedIn(sim);
    let callbacks = 0;
    client.onTokensRefreshed(() => {
      callbacks++;
    });
    sim.oauth.expireAccessTokens();
    const before = sim.oauth.tokenRequests;
    const results = await Promise.all(Array.from({ length: 20 }, () => client.calendars.list()));
    expect(results.every((r) => r.length === 4)).toBe(true);
    expect(sim.oauth.tokenRequests - before).toBe(1);
    expect(callbacks).toBe(1);
  });

  it('reusing a rotated refresh token revokes the authorization → AuthenticationError', async () => {
    const t = sim.issueTokens();
    const a = clientFor(sim).client;
    await a.auth.setCredentials(t);
    sim.oauth.expireAccessTokens();
    await a.calendars.list(); // rotates
    const b = clientFor(sim).client; // a second process with the stale copy
    await b.auth.setCredentials(t);
    const err = await b.calendars.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    // …and the family is gone for the first client too (revokeFamilyOnReuse).
    sim.oauth.expireAccessTokens();
    await expect(a.calendars.list()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('a write refused for scope does not refresh', async () => {
    const { client } = await signedIn(sim, 'read');
    const before = sim.oauth.tokenRequests;
    const err = await client.events
      .create({ provider: 'google', calendarId: 'alice@gmail.com', title: 'x', start: new Date(), end: new Date(Date.now() + 3600e3) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as AuthenticationError).status).toBe(401);
    expect((err as AuthenticationError).message).toMatch(/Write access denied/);
    expect(sim.oauth.tokenRequests).toBe(before);
  });

  it('revoke → server revokes the family, local tokens forgotten', async () => {
    const { client } = await signedIn(sim);
    await client.auth.revoke();
    const req = sim.sim.log.find((r) => r.path === '/api/oauth/revoke')!;
    expect(JSON.parse(req.body)).toHaveProperty('token');
    expect(req.headers.authorization).toBeUndefined();
    expect(await client.auth.getCredentials()).toBeUndefined();
    await expect(client.calendars.list()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('connection status and disconnect', async () => {
    const { client } = await signedIn(sim);
    sim.addAccount('user-1', 'google', 'bob@gmail.com', { calendarPermissionGranted: false, syncState: 'reauth_required', syncStateUpdatedAt: '2026-09-01T00:00:00Z' });
    const status = await client.auth.getConnectionStatus();
    expect(status.limitReached).toBe(false);
    expect(status.connections.google.map((a) => a.id)).toEqual(['alice@gmail.com', 'bob@gmail.com']);
    expect(status.connections.google[1]).toMatchObject({ calendarPermissionGranted: false, syncState: 'reauth_required' });
    expect(status.connections.google[1]!.syncStateUpdatedAt).toBeInstanceOf(Date);
    expect(status.connections.apple[0]!.calendarPermissionGranted).toBeNull();
    expect(await client.auth.disconnect('google', { account: 'bob@gmail.com' })).toMatchObject({ success: true });
    const req = sim.sim.log.at(-1)!;
    expect(req.query.get('provider')).toBe('google');
    expect(req.query.get('account')).toBe('bob@gmail.com');
    await client.auth.disconnect('microsoft');
    const after = await client.auth.getConnectionStatus();
    expect(after.connections.google).toHaveLength(1);
    expect(after.connections.microsoft).toHaveLength(0);
    expect((await client.calendars.list()).map((c) => c.provider)).not.toContain('microsoft');
    await expect(client.auth.disconnect('nope' as 'google')).rejects.toBeInstanceOf(ValidationError);
  });

  it('health needs no token', async () => {
    const { client } = clientFor(sim);
    expect(await client.health()).toEqual({ status: 'ok' });
    expect(sim.sim.log.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('a throwing onTokensRefreshed surfaces as AuthenticationError (tokens already stored)', async () => {
    const { client, tokenStore } = await signedIn(sim);
    client.onTokensRefreshed(() => {
      throw new Error('db down');
    });
    sim.oauth.expireAccessTokens();
    const err = await client.calendars.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as Error).message).toMatch(/onTokensRefreshed/);
    const stored = await tokenStore.get('mobiscroll:ms-client');
    expect(sim.sim.log.filter((r) => r.path === '/api/oauth/token')).toHaveLength(1);
    expect(stored?.refreshToken).toBeTruthy();
  });
});
