import { describe, expect, it } from 'vitest';
import { AuthenticationError, createHttpClient, MemoryTokenStore, type TokenSet, type TokenStore } from '@cal/core';
import { createOAuth2Auth } from '@cal/core/oauth2';
import { expectFetch, instantClock, json } from '../helpers/expect-fetch.js';

const TOKEN = 'https://auth.example.com/token';
const API = 'https://api.example.com/';

/** A token endpoint that follows RFC 6749 §5.1/§5.2 and rotates refresh tokens. */
function tokenEndpoint() {
  let n = 0;
  const used = new Set<string>();
  const requests: URLSearchParams[] = [];
  const respond = async (req: Request) => {
    const form = new URLSearchParams(await req.text());
    requests.push(form);
    const grant = form.get('grant_type');
    if (grant === 'refresh_token') {
      const rt = form.get('refresh_token')!;
      if (used.has(rt) || rt === 'revoked') return json({ error: 'invalid_grant', error_description: 'refresh token reused' }, { status: 400 });
      used.add(rt);
    }
    n++;
    return json({ access_token: `at-${n}`, refresh_token: `rt-${n}`, expires_in: 3600, token_type: 'Bearer', account_id: 'acc_1' });
  };
  return { respond, requests, count: () => requests.length };
}

function setup(initial?: TokenSet, store: TokenStore = new MemoryTokenStore()) {
  const t = instantClock();
  const te = tokenEndpoint();
  const mock = expectFetch([
    { url: TOKEN, respond: te.respond, times: 1000 },
    { url: /api\.example\.com/, respond: (r) => (r.headers.get('authorization') === 'Bearer stale' ? new Response('', { status: 401 }) : json({ auth: r.headers.get('authorization') })), times: 1000 },
  ]);
  const auth = createOAuth2Auth({
    provider: 'test', clientId: 'cid', clientSecret: 'csecret-VALUE', tokenEndpoint: TOKEN, authorizationEndpoint: 'https://auth.example.com/authorize',
    revocationEndpoint: 'https://auth.example.com/revoke', redirectUri: 'https://app.example.com/cb', fetch: mock.fetch, clock: t.clock, tokenStore: store,
    ...(initial ? { tokens: initial } : {}),
  });
  const http = createHttpClient({ provider: 'test', baseUrl: API, fetch: mock.fetch, auth, clock: t.clock });
  return { auth, http, te, mock, t, store };
}

describe('createOAuth2Auth', () => {
  it('builds an authorization URL with state and PKCE S256', async () => {
    const { auth } = setup();
    const { url, state, codeVerifier } = await auth.authorizationUrl({ scopes: ['a', 'b'] });
    const u = new URL(url);
    expect(u.searchParams.get('state')).toBe(state);
    expect(u.searchParams.get('code_challenge_method')).toBe('S256');
    expect(u.searchParams.get('scope')).toBe('a b');
    expect(codeVerifier).toMatch(/^[\w-]{43,}$/);
  });

  it('exchanges a code from the callback URL (state checked) and stores tokens', async () => {
    const { auth, te, store } = setup();
    const { state, codeVerifier } = await auth.authorizationUrl();
    const tokens = await auth.exchangeCode({ callbackUrl: `https://app.example.com/cb?code=c1&state=${state}`, expectedState: state }, { codeVerifier: codeVerifier! });
    expect(tokens.accessToken).toBe('at-1');
    expect(tokens.extra).toEqual({ account_id: 'acc_1' });
    expect(te.requests[0]!.get('code_verifier')).toBe(codeVerifier);
    expect((await store.get('test:cid'))?.refreshToken).toBe('rt-1');
    await expect(auth.exchangeCode({ callbackUrl: 'https://app.example.com/cb?code=c1&state=WRONG', expectedState: state })).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('100 parallel requests with an expired token make exactly 1 token request', async () => {
    const { http, te } = setup({ accessToken: 'old', refreshToken: 'rt-0', expiresAt: 0 });
    const results = await Promise.all(Array.from({ length: 100 }, () => http.json<{ auth: string }>('x')));
    expect(te.count()).toBe(1);
    expect(new Set(results.map((r) => r.auth))).toEqual(new Set(['Bearer at-1']));
  });

  it('refreshes shortly before expiry, not after', async () => {
    const { http, te, t } = setup({ accessToken: 'fresh', refreshToken: 'rt-0', expiresAt: instantClock().clock.now() + 30_000 });
    void t;
    await http.json('x'); // 30 s left < 60 s skew → refresh
    expect(te.count()).toBe(1);
  });

  it('a 401 refreshes once and repeats the request once', async () => {
    const { http, te } = setup({ accessToken: 'stale', refreshToken: 'rt-0', expiresAt: Date.now() * 2 });
    expect(await http.json('x')).toEqual({ auth: 'Bearer at-1' });
    expect(te.count()).toBe(1);
  });

  it('a rotated refresh token is stored before anything uses the new access token', async () => {
    const events: string[] = [];
    const inner = new MemoryTokenStore();
    const store: TokenStore = {
      get: (k) => inner.get(k),
      set: async (k, v) => { events.push(`store:${v.refreshToken}`); await inner.set(k, v); },
      delete: (k) => inner.delete(k),
    };
    const { http, auth } = setup({ accessToken: 'old', refreshToken: 'rt-0', expiresAt: 0 }, store);
    auth.onTokensRefreshed((tk) => void events.push(`callback:${tk.refreshToken}`));
    const origAuthorize = auth.authorize.bind(auth);
    void origAuthorize;
    await http.json('x');
    expect(events).toEqual(['store:rt-0', 'store:rt-1', 'callback:rt-1']);
  });

  it('a failed refresh (invalid_grant) raises AuthenticationError without secrets', async () => {
    const { http } = setup({ accessToken: 'old', refreshToken: 'revoked', expiresAt: 0 });
    const e = await http.request('x').catch((x) => x);
    expect(e).toBeInstanceOf(AuthenticationError);
    expect(e.providerCode).toBe('invalid_grant');
    expect(JSON.stringify(e) + e.message).not.toMatch(/csecret-VALUE|revoked/);
  });

  it('a custom TokenStore works end to end: loaded on start, saved on exchange and every refresh', async () => {
    const rows = new Map<string, string>(); // pretend database of JSON rows
    const db: TokenStore = {
      get: async (k) => (rows.has(k) ? (JSON.parse(rows.get(k)!) as TokenSet) : undefined),
      set: async (k, v) => void rows.set(k, JSON.stringify(v)),
      delete: async (k) => void rows.delete(k),
    };
    const first = setup(undefined, db);
    await first.auth.exchangeCode({ code: 'c1' });
    expect(JSON.parse(rows.get('test:cid')!).accessToken).toBe('at-1');
    // a new process: nothing in memory, tokens come from the store
    rows.set('test:cid', JSON.stringify({ ...JSON.parse(rows.get('test:cid')!), expiresAt: 0 }));
    const second = setup(undefined, db);
    await second.http.json('x');
    expect(second.te.requests[0]!.get('refresh_token')).toBe('rt-1');
    expect(JSON.parse(rows.get('test:cid')!).refreshToken).toBe('rt-1'.replace('1', '1'));
  });

  it('uses a token another process already refreshed (store lock, O365 should_refresh_token)', async () => {
    const store = new MemoryTokenStore();
    const { http, te, auth } = setup({ accessToken: 'stale', refreshToken: 'rt-0', expiresAt: Date.now() * 2 }, store);
    await auth.getTokens();
    await store.set('test:cid', { accessToken: 'other-process', refreshToken: 'rt-x', expiresAt: Date.now() * 2 });
    expect(await http.json('x')).toEqual({ auth: 'Bearer other-process' });
    expect(te.count()).toBe(0);
  });

  it('client credentials grant gets and renews app-only tokens', async () => {
    const te = tokenEndpoint();
    const mock = expectFetch([{ url: TOKEN, respond: te.respond, times: 10 }, { url: /api/, respond: (r) => json(r.headers.get('authorization')), times: 10 }]);
    const auth = createOAuth2Auth({ clientId: 'cid', clientSecret: 's', tokenEndpoint: TOKEN, grant: 'client_credentials', scopes: ['x/.default'], fetch: mock.fetch });
    const http = createHttpClient({ provider: 'test', baseUrl: API, fetch: mock.fetch, auth });
    expect(await http.json('x')).toBe('Bearer at-1');
    expect(te.requests[0]!.get('grant_type')).toBe('client_credentials');
    expect(te.requests[0]!.get('scope')).toBe('x/.default');
  });

  it('revoke sends the refresh token and deletes stored tokens', async () => {
    let revoked: URLSearchParams | undefined;
    const store = new MemoryTokenStore();
    const mock = expectFetch([{ url: /revoke/, respond: async (r) => ((revoked = new URLSearchParams(await r.text())), new Response(null, { status: 200 })) }]);
    const auth = createOAuth2Auth({ clientId: 'cid', clientSecret: 's', tokenEndpoint: TOKEN, revocationEndpoint: 'https://auth.example.com/revoke', fetch: mock.fetch, tokens: { accessToken: 'a', refreshToken: 'r' }, tokenStore: store, provider: 'test' });
    await auth.revoke();
    expect(revoked?.get('token')).toBe('r');
    expect(revoked?.get('token_type_hint')).toBe('refresh_token');
    expect(await store.get('test:cid')).toBeUndefined();
  });
});
