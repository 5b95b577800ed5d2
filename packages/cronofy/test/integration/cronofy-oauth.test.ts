import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, MemoryTokenStore } from '@cal/core';
import { CronofyClient } from '@cal/cronofy';
import { startCronofySimulator, type CronofySimulator } from '@cal/testkit/cronofy';
import { authorize } from './helpers.js';

const REDIRECT = 'https://app.example.test/cronofy/callback';
let sim: CronofySimulator;

beforeAll(async () => {
  sim = await startCronofySimulator({ dataCenter: 'uk', clients: [{ clientId: 'cid', clientSecret: 'csecret' }] });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const newClient = (extra = {}) => new CronofyClient({ clientId: 'cid', clientSecret: 'csecret', dataCenter: 'uk', hosts: sim.hosts, ...extra });

describe('OAuth against the Cronofy simulator', () => {
  it('authorizes on the app host, exchanges the code on the API host and calls the API', async () => {
    const cronofy = newClient();
    const link = cronofy.userAuthLink(REDIRECT, { state: 'xyz', avoidLinking: true });
    expect(new URL(link).origin).toBe(sim.appUrl);
    expect(new URL(link).origin).not.toBe(sim.apiUrl);
    const { code, state } = await authorize(link);
    expect(state).toBe('xyz');
    const auth = await cronofy.getAuthorizationFromCode(code, REDIRECT);
    expect(auth.accessToken).toBeTruthy();
    expect(auth.refreshToken).toBeTruthy();
    expect(auth.accountId).toMatch(/^acc_/);
    expect(auth.sub).toBe(auth.accountId);
    expect(auth.linkingProfile?.profile_id).toMatch(/^pro_/);
    expect(auth.tokenExpiration!.getTime()).toBeGreaterThan(Date.now());
    expect(cronofy.isAuthorizationExpired()).toBe(false);
    const token = sim.sim.log.find((r) => r.path === '/oauth/token');
    expect(token?.body).toContain('client_secret=csecret'); // body credentials, §2.2
    expect(token?.headers['authorization']).toBeUndefined();
    const account = await cronofy.account();
    expect(account.account_id).toBe(auth.accountId);
  });

  it('refreshes, keeps the rotated refresh token, and revokes with the refresh token', async () => {
    const seeded = sim.issueToken('user-r', 'cid');
    const refreshed: string[] = [];
    const cronofy = newClient({ accessToken: seeded.accessToken, refreshToken: seeded.refreshToken, onTokensRefreshed: (t: { refreshToken?: string }) => void refreshed.push(t.refreshToken ?? '') });
    const auth = await cronofy.refreshAuthorization();
    expect(auth.accessToken).not.toBe(seeded.accessToken);
    expect(auth.refreshToken).not.toBe(seeded.refreshToken);
    expect(refreshed).toEqual([auth.refreshToken]);
    await expect(cronofy.listCalendars()).resolves.toHaveLength(1);
    await cronofy.revokeAuthorization();
    const revoke = sim.sim.log.find((r) => r.path === '/oauth/token/revoke');
    expect(new URLSearchParams(revoke!.body).get('token')).toBe(auth.refreshToken);
    expect(cronofy.isAuthorizationExpired()).toBe(true);
    // the old refresh token is dead: a new client with it cannot refresh
    const stale = newClient({ refreshToken: auth.refreshToken });
    await expect(stale.refreshAuthorization()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('refreshes once after a 401, shared by concurrent calls (single flight)', async () => {
    const seeded = sim.issueToken('user-401', 'cid');
    const store = new MemoryTokenStore();
    const cronofy = newClient({ accessToken: seeded.accessToken, refreshToken: seeded.refreshToken, tokenStore: store });
    sim.oauth.expireAccessTokens();
    const before = sim.oauth.tokenRequests;
    const results = await Promise.all([cronofy.listCalendars(), cronofy.listProfiles(), cronofy.account()]);
    expect(results[0]).toHaveLength(1);
    expect(sim.oauth.tokenRequests - before).toBe(1);
    expect((await store.get('cronofy:cid'))?.accessToken).toBe(cronofy.tokens?.accessToken);
  });

  it('a personal access token cannot refresh: 401 is an AuthenticationError', async () => {
    const cronofy = new CronofyClient({ accessToken: 'not-a-token', hosts: sim.hosts });
    const err = await cronofy.account().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as AuthenticationError).status).toBe(401);
    expect(JSON.stringify(err)).not.toContain('not-a-token');
  });

  it('application calendars use body credentials and switch the client to their tokens', async () => {
    const cronofy = newClient();
    const auth = await cronofy.applicationCalendar('app-cal-1');
    expect(auth.sub).toMatch(/^apc_/);
    expect(auth.applicationCalendarId).toBe('app-cal-1');
    const req = sim.sim.log.find((r) => r.path === '/v1/application_calendars')!;
    expect(req.headers['authorization']).toBeUndefined();
    expect(JSON.parse(req.body)).toMatchObject({ client_id: 'cid', client_secret: 'csecret' });
    const calendars = await cronofy.listCalendars();
    expect(calendars[0]?.provider_name).toBe('cronofy');
  });
});

describe('token store', () => {
  it('a client built from a token store alone reads its tokens on first use', async () => {
    const seeded = sim.issueToken('user-store', 'cid');
    const store = new MemoryTokenStore();
    await store.set('cronofy:cid', { accessToken: seeded.accessToken, refreshToken: seeded.refreshToken, expiresAt: Date.now() + 3_600_000 });
    const cronofy = newClient({ tokenStore: store });
    expect(cronofy.isAuthorizationExpired()).toBe(true); // nothing loaded yet
    expect(await cronofy.listCalendars()).toHaveLength(1);
    expect(cronofy.tokens?.accessToken).toBe(seeded.accessToken);
    expect(cronofy.isAuthorizationExpired()).toBe(false);
  });
});
