import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOAuthServer, createSimServer, type OAuthServer, type OAuthServerOptions, type SimServer } from '../../src/index.js';

const REDIRECT = 'http://127.0.0.1:9/callback';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

let sim: SimServer;
let oauth: OAuthServer;

async function setup(extra: Partial<OAuthServerOptions> = {}): Promise<void> {
  oauth = createOAuthServer(sim, {
    clients: [
      { clientId: 'conf', clientSecret: 's3cret+/=', redirectUris: [REDIRECT] },
      { clientId: 'pub', redirectUris: [REDIRECT] },
      { clientId: 'other', clientSecret: 'x' },
    ],
    scopes: ['read', 'write'],
    ...extra,
  });
  sim.route('GET', '/api/me', (ctx) => ({ body: { user: oauth.requireAuth(ctx).userId } }));
}

beforeEach(async () => {
  sim = await createSimServer({ name: 'oauth' });
});
afterEach(async () => {
  await sim.close();
});

function basic(id: string, secret: string): string {
  // RFC 6749 §2.3.1: form-urlencode, then base64.
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${enc(id)}:${enc(secret)}`).toString('base64')}`;
}

async function token(body: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(oauth.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
}

async function authorize(params: Record<string, string>): Promise<URL> {
  const url = new URL(oauth.authorizeUrl);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') as string);
}

async function codeFor(clientId: string, extra: Record<string, string> = {}): Promise<string> {
  const loc = await authorize({ response_type: 'code', client_id: clientId, redirect_uri: REDIRECT, state: 'st', ...extra });
  return loc.searchParams.get('code') as string;
}

async function me(accessToken: string): Promise<number> {
  const res = await fetch(`${sim.url}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  await res.arrayBuffer();
  return res.status;
}

describe('OAuth authorize', () => {
  it('redirects to redirect_uri with code and state, user from login_hint', async () => {
    await setup({ tokenResponseExtras: (g) => ({ sub: g.userId, account_id: `acc_${g.userId}` }) });
    const loc = await authorize({ response_type: 'code', client_id: 'conf', redirect_uri: REDIRECT, state: 'xyz', login_hint: 'alice' });
    expect(`${loc.origin}${loc.pathname}`).toBe(REDIRECT);
    expect(loc.searchParams.get('state')).toBe('xyz');
    const code = loc.searchParams.get('code') as string;
    const res = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, { authorization: basic('conf', 's3cret+/=') });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'read write', sub: 'alice', account_id: 'acc_alice' });
    expect(await me(res.json['access_token'] as string)).toBe(200);
  });

  it('rejects unknown clients and unregistered redirect URIs without redirecting', async () => {
    await setup();
    const bad = await fetch(`${oauth.authorizeUrl}?response_type=code&client_id=nope&redirect_uri=${REDIRECT}`, { redirect: 'manual' });
    expect(bad.status).toBe(400);
    const badUri = await fetch(`${oauth.authorizeUrl}?response_type=code&client_id=conf&redirect_uri=http://evil/`, { redirect: 'manual' });
    expect(badUri.status).toBe(400);
    expect(await badUri.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('requires PKCE from public clients', async () => {
    await setup();
    const loc = await authorize({ response_type: 'code', client_id: 'pub', redirect_uri: REDIRECT, state: 's' });
    expect(loc.searchParams.get('error')).toBe('invalid_request');
    expect(loc.searchParams.get('state')).toBe('s');
  });
});

describe('OAuth code exchange', () => {
  it('checks the S256 code_verifier (wrong verifier rejected, right one accepted, code single-use)', async () => {
    await setup();
    const pkce = { code_challenge: CHALLENGE, code_challenge_method: 'S256' };
    const wrong = await token({ grant_type: 'authorization_code', client_id: 'pub', redirect_uri: REDIRECT, code: await codeFor('pub', pkce), code_verifier: 'x'.repeat(43) });
    expect(wrong.status).toBe(400);
    expect(wrong.json['error']).toBe('invalid_grant');
    const code = await codeFor('pub', pkce);
    const ok = await token({ grant_type: 'authorization_code', client_id: 'pub', redirect_uri: REDIRECT, code, code_verifier: VERIFIER });
    expect(ok.status).toBe(200);
    const again = await token({ grant_type: 'authorization_code', client_id: 'pub', redirect_uri: REDIRECT, code, code_verifier: VERIFIER });
    expect(again.json['error']).toBe('invalid_grant');
    // RFC 6749 §4.1.2: tokens from a replayed code are revoked.
    expect(await me(ok.json['access_token'] as string)).toBe(401);
  });

  it('supports plain PKCE and rejects a missing verifier', async () => {
    await setup();
    const missing = await token({ grant_type: 'authorization_code', client_id: 'pub', redirect_uri: REDIRECT, code: await codeFor('pub', { code_challenge: VERIFIER }) });
    expect(missing.json['error']).toBe('invalid_grant');
    const ok = await token({ grant_type: 'authorization_code', client_id: 'pub', redirect_uri: REDIRECT, code: await codeFor('pub', { code_challenge: VERIFIER }), code_verifier: VERIFIER });
    expect(ok.status).toBe(200);
  });

  it('requires the same redirect_uri as the authorize request', async () => {
    await setup();
    const res = await token({ grant_type: 'authorization_code', code: await codeFor('conf') }, { authorization: basic('conf', 's3cret+/=') });
    expect(res.json['error']).toBe('invalid_grant');
  });
});

describe('OAuth client authentication', () => {
  it('accepts client_secret_basic and client_secret_post by default', async () => {
    await setup();
    const viaBasic = await token({ grant_type: 'client_credentials' }, { authorization: basic('conf', 's3cret+/=') });
    expect(viaBasic.status).toBe(200);
    const viaBody = await token({ grant_type: 'client_credentials', client_id: 'conf', client_secret: 's3cret+/=' });
    expect(viaBody.status).toBe(200);
  });

  it('answers 401 invalid_client for a bad secret, 400 for two methods at once', async () => {
    await setup();
    const bad = await token({ grant_type: 'client_credentials' }, { authorization: basic('conf', 'nope') });
    expect(bad.status).toBe(401);
    expect(bad.json['error']).toBe('invalid_client');
    expect(bad.headers.get('www-authenticate')).toMatch(/^Basic/);
    const both = await token({ grant_type: 'client_credentials', client_secret: 's3cret+/=' }, { authorization: basic('conf', 's3cret+/=') });
    expect(both.status).toBe(400);
    expect(both.json['error']).toBe('invalid_request');
  });

  it("enforces clientAuth: 'basic' and 'body'", async () => {
    await setup({ clientAuth: 'basic' });
    expect((await token({ grant_type: 'client_credentials', client_id: 'conf', client_secret: 's3cret+/=' })).status).toBe(401);
    expect((await token({ grant_type: 'client_credentials' }, { authorization: basic('conf', 's3cret+/=') })).status).toBe(200);
    await sim.close();
    sim = await createSimServer();
    await setup({ clientAuth: 'body' });
    expect((await token({ grant_type: 'client_credentials' }, { authorization: basic('conf', 's3cret+/=') })).status).toBe(401);
    expect((await token({ grant_type: 'client_credentials', client_id: 'conf', client_secret: 's3cret+/=' })).status).toBe(200);
  });

  it('client_credentials: app user, no refresh token, confidential clients only', async () => {
    await setup();
    const res = await token({ grant_type: 'client_credentials', scope: 'read' }, { authorization: basic('conf', 's3cret+/=') });
    expect(res.json['refresh_token']).toBeUndefined();
    expect(res.json['scope']).toBe('read');
    const r = await fetch(`${sim.url}/api/me`, { headers: { authorization: `Bearer ${res.json['access_token'] as string}` } });
    expect(await r.json()).toEqual({ user: 'app:conf' });
    const pub = await token({ grant_type: 'client_credentials', client_id: 'pub' });
    expect(pub.json['error']).toBe('unauthorized_client');
    const odd = await token({ grant_type: 'password', client_id: 'pub' });
    expect(odd.json['error']).toBe('unsupported_grant_type');
    const none = await token({ client_id: 'pub' });
    expect(none.json['error']).toBe('invalid_request');
  });
});

describe('OAuth refresh', () => {
  it('rotates refresh tokens and rejects reuse with invalid_grant', async () => {
    await setup();
    const seeded = oauth.issue({ userId: 'bob', clientId: 'conf' });
    const auth = { authorization: basic('conf', 's3cret+/=') };
    const r1 = await token({ grant_type: 'refresh_token', refresh_token: seeded.refreshToken }, auth);
    expect(r1.status).toBe(200);
    expect(r1.json['refresh_token']).not.toBe(seeded.refreshToken);
    const reuse = await token({ grant_type: 'refresh_token', refresh_token: seeded.refreshToken }, auth);
    expect(reuse.status).toBe(400);
    expect(reuse.json['error']).toBe('invalid_grant');
    // Without revokeFamilyOnReuse the rotated-to token still works.
    const r2 = await token({ grant_type: 'refresh_token', refresh_token: r1.json['refresh_token'] as string }, auth);
    expect(r2.status).toBe(200);
    expect(await me(r2.json['access_token'] as string)).toBe(200);
    // Another client cannot use it.
    const stolen = await token({ grant_type: 'refresh_token', refresh_token: r2.json['refresh_token'] as string, client_id: 'other', client_secret: 'x' });
    expect(stolen.json['error']).toBe('invalid_grant');
  });

  it('revokeFamilyOnReuse: reuse of a rotated token revokes the whole grant', async () => {
    await setup({ revokeFamilyOnReuse: true });
    const seeded = oauth.issue({ userId: 'bob', clientId: 'conf' });
    const auth = { authorization: basic('conf', 's3cret+/=') };
    const r1 = await token({ grant_type: 'refresh_token', refresh_token: seeded.refreshToken }, auth);
    expect(await me(r1.json['access_token'] as string)).toBe(200);
    expect((await token({ grant_type: 'refresh_token', refresh_token: seeded.refreshToken }, auth)).status).toBe(400);
    expect(await me(r1.json['access_token'] as string)).toBe(401);
    const r2 = await token({ grant_type: 'refresh_token', refresh_token: r1.json['refresh_token'] as string }, auth);
    expect(r2.json['error']).toBe('invalid_grant');
  });

  it('without rotation returns the same refresh token; scope may only narrow', async () => {
    await setup({ rotateRefreshTokens: false });
    const seeded = oauth.issue({ userId: 'bob', clientId: 'conf' });
    const auth = { authorization: basic('conf', 's3cret+/=') };
    const r1 = await token({ grant_type: 'refresh_token', refresh_token: seeded.refreshToken, scope: 'read' }, auth);
    expect(r1.json).toMatchObject({ refresh_token: seeded.refreshToken, scope: 'read' });
    const r2 = await token({ grant_type: 'refresh_token', refresh_token: seeded.refreshToken, scope: 'admin' }, auth);
    expect(r2.json['error']).toBe('invalid_scope');
  });

  it('expireAccessTokens + clock: bearer rejected with 401 invalid_token until refreshed', async () => {
    let t = 1_000_000;
    await setup({ now: () => t, accessTokenTtlSeconds: 60 });
    const seeded = oauth.issue({ userId: 'bob', clientId: 'conf' });
    expect(await me(seeded.accessToken)).toBe(200);
    oauth.expireAccessTokens();
    const res = await fetch(`${sim.url}/api/me`, { headers: { authorization: `Bearer ${seeded.accessToken}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await res.json()).toEqual({ error: 'invalid_token' });
    const r = await token({ grant_type: 'refresh_token', refresh_token: seeded.refreshToken }, { authorization: basic('conf', 's3cret+/=') });
    expect(await me(r.json['access_token'] as string)).toBe(200);
    t += 61_000;
    expect(await me(r.json['access_token'] as string)).toBe(401);
    oauth.setNow(() => 0);
    expect(await me(r.json['access_token'] as string)).toBe(200);
    const missing = await fetch(`${sim.url}/api/me`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).not.toContain('error=');
  });

  it('counts token endpoint requests (for single-flight refresh tests)', async () => {
    await setup();
    const seeded = oauth.issue({ userId: 'bob', clientId: 'conf' });
    expect(oauth.tokenRequests).toBe(0);
    await token({ grant_type: 'refresh_token', refresh_token: seeded.refreshToken }, { authorization: basic('conf', 's3cret+/=') });
    await token({ grant_type: 'refresh_token', refresh_token: 'nope' }, { authorization: basic('conf', 'bad') });
    expect(oauth.tokenRequests).toBe(2);
    sim.reset();
    expect(oauth.tokenRequests).toBe(0);
    expect(await me(seeded.accessToken)).toBe(401);
  });
});

describe('OAuth revoke (RFC 7009)', () => {
  async function revoke(body: Record<string, string>, headers: Record<string, string> = {}, json = false) {
    const res = await fetch(oauth.revokeUrl, {
      method: 'POST',
      headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded', ...headers },
      body: json ? JSON.stringify(body) : new URLSearchParams(body),
    });
    await res.arrayBuffer();
    return res.status;
  }

  it('revoking a refresh token kills the grant; unknown tokens still 200', async () => {
    await setup();
    const seeded = oauth.issue({ userId: 'bob', clientId: 'conf' });
    const auth = { authorization: basic('conf', 's3cret+/=') };
    expect(await revoke({ token: seeded.refreshToken, token_type_hint: 'refresh_token' }, auth)).toBe(200);
    expect(await me(seeded.accessToken)).toBe(401);
    expect((await token({ grant_type: 'refresh_token', refresh_token: seeded.refreshToken }, auth)).json['error']).toBe('invalid_grant');
    expect(await revoke({ token: 'unknown' }, auth)).toBe(200);
    expect(await revoke({}, auth)).toBe(400);
    expect(await revoke({ token: 'unknown' })).toBe(401);
  });

  it('revoking an access token leaves the refresh token usable', async () => {
    await setup();
    const seeded = oauth.issue({ userId: 'bob', clientId: 'conf' });
    const auth = { authorization: basic('conf', 's3cret+/=') };
    expect(await revoke({ token: seeded.accessToken, client_id: 'conf', client_secret: 's3cret+/=' })).toBe(200);
    expect(await me(seeded.accessToken)).toBe(401);
    expect((await token({ grant_type: 'refresh_token', refresh_token: seeded.refreshToken }, auth)).status).toBe(200);
  });

  it('Mobiscroll style: JSON {token} without client auth, revoking every grant of the user', async () => {
    await setup({ revokeClientAuth: 'optional', revokeAllForUser: true });
    const a = oauth.issue({ userId: 'bob', clientId: 'conf' });
    const b = oauth.issue({ userId: 'bob', clientId: 'conf' });
    const c = oauth.issue({ userId: 'carol', clientId: 'conf' });
    expect(await revoke({ token: a.accessToken }, {}, true)).toBe(200);
    expect(await me(b.accessToken)).toBe(401);
    expect(await me(c.accessToken)).toBe(200);
  });
});

describe('OAuth mount on a second origin', () => {
  it('shares codes and tokens across hosts (Cronofy: code on app host, refresh on api host)', async () => {
    await setup();
    const api = await createSimServer({ host: '127.0.0.2' });
    try {
      const urls = oauth.mount(api);
      expect(urls.tokenUrl).toBe(`${api.url}/oauth/token`);
      const code = await codeFor('conf');
      const first = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, { authorization: basic('conf', 's3cret+/=') });
      const res = await fetch(urls.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: first.json['refresh_token'], client_id: 'conf', client_secret: 's3cret+/=' }),
      });
      expect(res.status).toBe(200);
      expect(oauth.tokenRequests).toBe(2);
      const custom = oauth.mount(api, { tokenPath: '/v2/token' });
      expect(custom.tokenUrl).toBe(`${api.url}/v2/token`);
      expect(custom.revokeUrl).toBe(`${api.url}/oauth/revoke`);
    } finally {
      await api.close();
    }
  });
});
