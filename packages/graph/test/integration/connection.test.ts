import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, MemoryTokenStore, NotFoundError, ProtocolError, RateLimitError, ServerError, ValidationError, isCalError } from '@cal/core';
import type { GraphSimulator } from '@cal/testkit/graph';
import { authorize, connect, signedIn, startSim } from './helpers.js';

const sim: GraphSimulator = await startSim();
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('GraphConnection against the Graph simulator', () => {
  it('authorization flow: PKCE, tenant in the path, token stored, /me works', async () => {
    const con = connect(sim, { tenantId: 'contoso.example' });
    const { url } = await con.getAuthorizationUrl();
    const u = new URL(url);
    expect(u.pathname).toBe('/contoso.example/oauth2/v2.0/authorize');
    expect(u.searchParams.get('code_challenge_method')).toBe('S256');
    expect(u.searchParams.get('scope')).toBe('https://graph.microsoft.com/User.Read https://graph.microsoft.com/Calendars.ReadWrite offline_access');
    await authorize(con);
    const tokens = await con.getTokens();
    expect(tokens?.refreshToken).toBeTruthy();
    const me = await (await con.get('me')).json();
    expect(me.id).toBe('user-1');
    const tokenReq = sim.sim.log.find((r) => r.path.endsWith('/oauth2/v2.0/token'));
    expect(tokenReq?.path).toBe('/contoso.example/oauth2/v2.0/token');
    expect(new URLSearchParams(tokenReq?.body).get('client_secret')).toBe('graph-secret');
  });

  it('public flow: no client secret is ever sent, PKCE verifier is', async () => {
    const con = connect(sim, { clientId: 'graph-public', clientSecret: undefined, authFlowType: 'public' } as never);
    await authorize(con, 'user-2');
    const body = new URLSearchParams(sim.sim.log.find((r) => r.path.endsWith('/token'))?.body);
    expect(body.get('client_secret')).toBeNull();
    expect(body.get('code_verifier')).toBeTruthy();
    expect((await (await con.get('me')).json()).id).toBe('user-2');
  });

  it('credentials flow: app-only token for a real tenant, users/{id} works, /me is refused by Graph', async () => {
    const con = connect(sim, { authFlowType: 'credentials', tenantId: 'contoso.example' });
    expect(con.scopes).toEqual(['https://graph.microsoft.com/.default']);
    await con.requestToken();
    const cals = await (await con.get('users/user-2/calendars')).json();
    expect(cals.value[0].name).toBe('Calendar');
    const err = await con.get('me/calendars').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).providerCode).toBe('BadRequest');
    expect(() => connect(sim, { authFlowType: 'credentials', tenantId: 'common' })).toThrow(ValidationError);
  });

  it('refresh after a 401: the rotated refresh token is stored before use', async () => {
    const store = new MemoryTokenStore();
    const con = await signedIn(sim, 'user-1', { tokenStore: store });
    const before = await con.getTokens();
    sim.oauth.expireAccessTokens();
    const res = await con.get('me/calendars');
    expect(res.status).toBe(200);
    const after = await con.getTokens();
    expect(after?.accessToken).not.toBe(before?.accessToken);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(sim.oauth.tokenRequests).toBe(1);
    const manual = await con.refreshToken();
    expect(manual.refreshToken).not.toBe(after?.refreshToken);
  });

  it('50 parallel calls with an expired token make exactly one refresh', async () => {
    const t = sim.issueToken('user-1');
    const con = connect(sim, { tokens: { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: Date.now() - 1000 } });
    const results = await Promise.all(Array.from({ length: 50 }, () => con.get('me/calendar')));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(sim.oauth.tokenRequests).toBe(1);
  });

  it('50 parallel calls hitting 401 (server-side expiry) also make exactly one refresh', async () => {
    const con = await signedIn(sim);
    sim.oauth.expireAccessTokens();
    const results = await Promise.all(Array.from({ length: 50 }, () => con.get('me/calendar')));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(sim.oauth.tokenRequests).toBe(1);
  });

  it('a revoked grant ends in AuthenticationError without leaking tokens', async () => {
    const con = await signedIn(sim);
    const tokens = await con.getTokens();
    sim.oauth.revokeUser('user-1');
    const err = (await con.get('me/calendars').catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(AuthenticationError);
    const dump = JSON.stringify({ ...err, message: err.message, stack: err.stack });
    expect(dump).not.toContain(tokens!.accessToken);
    expect(dump).not.toContain(tokens!.refreshToken!);
    expect(dump).not.toContain('graph-secret');
  });

  it('requestRetries: 503 then success, honouring Retry-After', async () => {
    const con = await signedIn(sim, 'user-1', { requestRetries: 3 });
    sim.sim.faults.add({ path: '/v1.0/me/calendars', kind: 'status', status: 503, retryAfter: 0, times: 2 });
    const res = await con.get('me/calendars');
    expect(res.status).toBe(200);
    expect(sim.sim.log.filter((r) => r.path === '/v1.0/me/calendars')).toHaveLength(3);
  });

  it('429 beyond the retries → RateLimitError with retryAfter and Graph code', async () => {
    const con = await signedIn(sim, 'user-1', { requestRetries: 0 });
    sim.sim.faults.add({ path: '/v1.0/me/calendars', kind: 'status', status: 429, retryAfter: 7, body: { error: { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' } } });
    const err = (await con.get('me/calendars').catch((e: unknown) => e)) as RateLimitError;
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfter).toBe(7);
    expect(err.providerCode).toBe('ApplicationThrottled');
  });

  it('raiseHttpErrors: false returns the raw Response', async () => {
    const con = await signedIn(sim, 'user-1', { raiseHttpErrors: false });
    const res = await con.get('me/events/does-not-exist');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('ErrorItemNotFound');
  });

  it('Graph error bodies map to core errors keeping the code', async () => {
    const con = await signedIn(sim);
    const err = (await con.get('me/events/nope').catch((e: unknown) => e)) as NotFoundError;
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.providerCode).toBe('ErrorItemNotFound');
    expect(err.message).toContain('ErrorItemNotFound');
  });

  it('faults: a reset connection on GET is retried; a 500 on POST is not', async () => {
    const con = await signedIn(sim, 'user-1', { requestRetries: 2 });
    sim.sim.faults.add({ path: '/v1.0/me/calendars', kind: 'reset' });
    expect((await con.get('me/calendars')).status).toBe(200);
    sim.sim.faults.add({ path: '/v1.0/me/calendars', method: 'POST', kind: 'status', status: 500 });
    const err = await con.post('me/calendars', { name: 'X' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(sim.sim.log.filter((r) => r.method === 'POST' && r.path === '/v1.0/me/calendars')).toHaveLength(1);
  });

  it('timeout → TimeoutError', async () => {
    const con = await signedIn(sim, 'user-1', { timeout: 100, requestRetries: 0 });
    sim.sim.faults.add({ path: '/v1.0/me/calendars', kind: 'slow-headers', delayMs: 1000 });
    const err = await con.get('me/calendars').catch((e: unknown) => e);
    expect(isCalError(err) && err.name).toBe('TimeoutError');
  });

  it('refuses to send the token to a foreign origin; naiveRequest sends none', async () => {
    const con = await signedIn(sim);
    await expect(con.get('https://evil.example/steal')).rejects.toBeInstanceOf(ProtocolError);
    const res = await con.naiveRequest(`${sim.url}/v1.0/me`, 'GET', { headers: {} }).catch((e: unknown) => e);
    expect(isCalError(res) && res.status).toBe(401);
    expect(sim.sim.log.at(-1)?.headers['authorization']).toBeUndefined();
  });

  it('defaultHeaders: Prefer values are comma-joined with the caller\'s', async () => {
    const con = await signedIn(sim, 'user-1', { defaultHeaders: { Prefer: 'IdType="ImmutableId"' } });
    await con.get('me/calendars', { headers: { Prefer: 'outlook.timezone="UTC"' } });
    expect(sim.sim.log.at(-1)?.headers['prefer']).toBe('outlook.timezone="UTC", IdType="ImmutableId"');
  });
});
