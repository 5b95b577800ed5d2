import { describe, expect, it } from 'vitest';
import { MemoryTokenStore, NetworkError, ProtocolError, ServerError, TimeoutError, ValidationError, type TokenSet, type TokenStore } from '@cal/core';
import { GraphConnection, MSBusinessCentral365Protocol, MSGraphProtocol, createGraphCalendar, type GraphConnectionOptions } from '@cal/graph';
import { TOKENS, fakeClock, fakeFetch, json } from './fake-fetch.js';

const base = { clientId: 'app-id', clientSecret: 'app-secret' };
const make = (o: Partial<GraphConnectionOptions> = {}, handler?: Parameters<typeof fakeFetch>[0]) => {
  const f = fakeFetch(handler);
  const clock = fakeClock();
  const con = new GraphConnection({ ...base, tokens: TOKENS, fetch: f.fetch, clock, ...o } as GraphConnectionOptions);
  return { con, ...f, clock };
};

describe('GraphConnection options, one by one (injected fetch)', () => {
  it('clientId / clientSecret: validated before any request', () => {
    const bad: [Partial<GraphConnectionOptions>, string][] = [
      [{ clientId: '' }, 'clientId'],
      [{ clientSecret: undefined } as never, 'clientSecret'],
      [{ authFlowType: 'public' }, 'clientSecret'],
      [{ authFlowType: 'credentials' }, 'tenantId'],
      [{ authFlowType: 'credentials', tenantId: 'organizations' }, 'tenantId'],
      [{ authFlowType: 'bogus' as never }, 'authFlowType'],
      [{ requestsDelay: -1 }, 'requestsDelay'],
      [{ requestRetries: 1.5 }, 'requestRetries'],
      [{ timeout: 0 }, 'timeout'],
      [{ baseUrl: 'not a url' }, 'baseUrl'],
      [{ scopes: [''] }, 'scopes'],
    ];
    for (const [o, field] of bad) {
      let err: unknown;
      try {
        new GraphConnection({ ...base, ...o } as GraphConnectionOptions);
      } catch (e) {
        err = e;
      }
      expect(err, field).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).details.map((d) => d.field)).toContain(field);
      expect(JSON.stringify(err)).not.toContain('app-secret');
    }
    expect(() => new GraphConnection({ clientId: 'x', authFlowType: 'public' })).not.toThrow();
    expect(() => new GraphConnection({ ...base, authFlowType: 'credentials', tenantId: 'contoso.onmicrosoft.com' })).not.toThrow();
  });

  it('scopes: helpers expanded and prefixed, offline_access added for delegated flows', () => {
    const { con } = make({ scopes: ['basic', 'calendar_shared', 'Mail.Read', 'https://graph.microsoft.com/Calendars.Read'] });
    expect(con.scopes).toEqual([
      'https://graph.microsoft.com/User.Read',
      'https://graph.microsoft.com/Calendars.Read.Shared',
      'https://graph.microsoft.com/Mail.Read',
      'https://graph.microsoft.com/Calendars.Read',
      'offline_access',
    ]);
    expect(make({ authFlowType: 'credentials', tenantId: 't1' }).con.scopes).toEqual(['https://graph.microsoft.com/.default']);
  });

  it('authFlowType + tenantId: endpoints, PKCE, no authorization URL for credentials', async () => {
    const { con } = make({ tenantId: 'contoso.example', redirectUri: 'https://app.example/cb' });
    expect(con.tokenEndpoint).toBe('https://login.microsoftonline.com/contoso.example/oauth2/v2.0/token');
    const { url, state, codeVerifier } = await con.getAuthorizationUrl({ state: 's1', scopes: ['calendar'] });
    const u = new URL(url);
    expect(u.origin + u.pathname).toBe('https://login.microsoftonline.com/contoso.example/oauth2/v2.0/authorize');
    expect(u.searchParams.get('scope')).toBe('https://graph.microsoft.com/Calendars.Read offline_access');
    expect(u.searchParams.get('redirect_uri')).toBe('https://app.example/cb');
    expect(u.searchParams.get('code_challenge')).toBeTruthy();
    expect(state).toBe('s1');
    expect(codeVerifier).toBeTruthy();
    const app = make({ authFlowType: 'credentials', tenantId: 't1' }).con;
    await expect(app.getAuthorizationUrl()).rejects.toBeInstanceOf(ValidationError);
    expect(() => createGraphCalendar(app)).toThrow(ValidationError);
    expect(createGraphCalendar(app, { user: 'u1' }).api.user).toBe('u1');
    expect(make().con.tenantId).toBe('common');
    await expect(make().con.requestToken()).rejects.toBeInstanceOf(ValidationError);
  });

  it('credentials flow: requestToken posts client_credentials with the .default scope', async () => {
    const { con, calls } = make({ authFlowType: 'credentials', tenantId: 't1', tokens: undefined } as never, () => json({ access_token: 'app-at', token_type: 'Bearer', expires_in: 3600 }));
    const t = await con.requestToken();
    expect(t.accessToken).toBe('app-at');
    const body = new URLSearchParams(calls[0]!.body);
    expect(calls[0]!.url).toBe('https://login.microsoftonline.com/t1/oauth2/v2.0/token');
    expect(body.get('grant_type')).toBe('client_credentials');
    expect(body.get('scope')).toBe('https://graph.microsoft.com/.default');
  });

  it('requestsDelay: the core throttle spaces requests (default 200 ms)', async () => {
    const { con, clock } = make();
    await con.get('me');
    await con.get('me');
    await con.get('me');
    expect(clock.sleeps.filter((ms) => ms > 0).length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(200);
    const none = make({ requestsDelay: 0 });
    await none.con.get('me');
    await none.con.get('me');
    expect(none.clock.sleeps).toEqual([]);
  });

  it('requestRetries: retries 429/5xx (default 3), honouring Retry-After', async () => {
    const { con, calls, clock } = make({ requestsDelay: 0 }, (_r, n) => (n <= 3 ? json({ error: { code: 'serviceNotAvailable', message: 'x' } }, 503, { 'retry-after': '2' }) : json({ id: 'me' })));
    expect((await con.get('me')).status).toBe(200);
    expect(calls).toHaveLength(4);
    expect(clock.sleeps).toEqual([2000, 2000, 2000]);
    const once = make({ requestsDelay: 0, requestRetries: 1 }, () => json({ error: { code: 'generalException', message: 'boom' } }, 500));
    const err = await once.con.get('me').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).providerCode).toBe('generalException');
    expect(once.calls).toHaveLength(2);
  });

  it('raiseHttpErrors: false returns the Response; true throws the mapped error', async () => {
    const h = () => json({ error: { code: 'ErrorItemNotFound', message: 'gone' } }, 404);
    expect((await make({ raiseHttpErrors: false }, h).con.get('me/events/x')).status).toBe(404);
    await expect(make({}, h).con.get('me/events/x')).rejects.toMatchObject({ name: 'NotFoundError', providerCode: 'ErrorItemNotFound' });
  });

  it('timeout: a hanging request → TimeoutError', async () => {
    const hang = (input: Request | string | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        const signal = (input instanceof Request ? input.signal : init?.signal) as AbortSignal;
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    const con = new GraphConnection({ ...base, tokens: TOKENS, fetch: hang, timeout: 30, requestRetries: 0, requestsDelay: 0 });
    await expect(con.get('me')).rejects.toBeInstanceOf(TimeoutError);
  });

  it('defaultHeaders: added to every request; Prefer merged, caller wins per preference', async () => {
    const { con, calls } = make({ defaultHeaders: { Prefer: 'IdType="ImmutableId", outlook.timezone="UTC"', 'X-Extra': '1' } });
    await con.get('me', { headers: { Prefer: 'outlook.timezone="Tokyo Standard Time"' } });
    expect(calls[0]!.headers['prefer']).toBe('outlook.timezone="Tokyo Standard Time", IdType="ImmutableId"');
    expect(calls[0]!.headers['x-extra']).toBe('1');
    await con.get('me');
    expect(calls[1]!.headers['prefer']).toBe('IdType="ImmutableId", outlook.timezone="UTC"');
  });

  it('protocol: Graph and Business Central URLs, casing and scopes', async () => {
    const g = new MSGraphProtocol();
    expect(g.serviceUrl).toBe('https://graph.microsoft.com/v1.0/');
    expect(g.convertCase('start_date_time')).toBe('startDateTime');
    expect(g.toApiCase('startDateTime')).toBe('start_date_time');
    expect(MSGraphProtocol.toApiCase('iCalUId')).toBe('i_cal_u_id');
    expect(g.prefixScope('Calendars.Read')).toBe('https://graph.microsoft.com/Calendars.Read');
    expect(g.prefixScope('offline_access')).toBe('offline_access');
    expect(g.getServiceKeyword('file_attachment_type')).toBe('#microsoft.graph.fileAttachment');
    expect(g.getScopesFor('calendar_all')).toEqual(['https://graph.microsoft.com/Calendars.ReadWrite']);
    expect(() => g.getScopesFor(42 as never)).toThrow(ValidationError);
    expect(new MSGraphProtocol({ apiVersion: 'beta', timeZone: 'Europe/Paris' })).toMatchObject({ serviceUrl: 'https://graph.microsoft.com/beta/', timeZone: 'Romance Standard Time' });
    const bc = new MSBusinessCentral365Protocol({ environment: 'production' });
    expect(bc.serviceUrl).toBe('https://api.businesscentral.dynamics.com/v2.0/production/api/');
    expect(new MSBusinessCentral365Protocol().serviceUrl).toBe('https://api.businesscentral.dynamics.com/v1.0/api/');
    expect(bc.getScopesFor(['.default'])).toEqual(['https://api.businesscentral.dynamics.com/.default']);
    const { con, calls } = make({ protocol: bc });
    await con.get('companies');
    expect(calls[0]!.url).toBe('https://api.businesscentral.dynamics.com/v2.0/production/api/companies');
    expect(calls[0]!.headers['authorization']).toBe('Bearer at-secret-123');
  });

  it('fetch: every request (API and token endpoint) goes through the injected fetch', async () => {
    const { con, calls } = make({ tokens: { ...TOKENS, expiresAt: 0 } }, (r) =>
      r.url.includes('/oauth2/v2.0/token') ? json({ access_token: 'new-at', refresh_token: 'new-rt', token_type: 'Bearer', expires_in: 3600 }) : json({ id: 'me' }),
    );
    await con.get('me');
    expect(calls.map((c) => new URL(c.url).host)).toEqual(['login.microsoftonline.com', 'graph.microsoft.com']);
    expect(calls[1]!.headers['authorization']).toBe('Bearer new-at');
  });

  it('get/post/put/patch/delete: methods, JSON bodies, comma-joined params; only Microsoft hosts get the token', async () => {
    const { con, calls } = make({ requestsDelay: 0 });
    await con.get('me/events', { params: { $select: ['subject', 'start'], $top: 5 } });
    await con.post('me/events', { subject: 'a' });
    await con.put('me/x', { a: 1 });
    await con.patch('me/events/1', { subject: 'b' });
    await con.delete('me/events/1');
    expect(calls.map((c) => c.method)).toEqual(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
    await con.get('/me/calendars');
    expect(calls.at(-1)!.url).toBe('https://graph.microsoft.com/v1.0/me/calendars');
    calls.pop();
    expect(new URL(calls[0]!.url).searchParams.get('$select')).toBe('subject,start');
    expect(calls[1]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(calls[3]!.body)).toEqual({ subject: 'b' });
    await con.get('https://graph.microsoft.us/v1.0/me');
    expect(calls.at(-1)!.headers['authorization']).toBe('Bearer at-secret-123');
    const n = calls.length;
    await expect(con.get('https://attacker.example/v1.0/me')).rejects.toBeInstanceOf(ProtocolError);
    expect(calls.length).toBe(n);
    await con.naiveRequest('https://elsewhere.example/file', 'GET');
    expect(calls.at(-1)!.headers['authorization']).toBeUndefined();
  });

  it('tokenStore with lock: a token refreshed by another process is reused (O365 should_refresh_token)', async () => {
    const data = new Map<string, TokenSet>();
    let locks = 0;
    const store: TokenStore = {
      get: async (k) => data.get(k),
      set: async (k, t) => void data.set(k, t),
      delete: async (k) => void data.delete(k),
      lock: async (_k, fn) => {
        locks++;
        return fn();
      },
    };
    const { con, calls } = make({ tokenStore: store, tokens: { ...TOKENS, expiresAt: 0 } }, (r) =>
      r.url.includes('/token') ? json({ access_token: 'never', token_type: 'Bearer', expires_in: 3600 }) : json({ id: 'me' }),
    );
    await con.getTokens();
    // "another process" refreshed meanwhile:
    data.set('graph:common:app-id', { accessToken: 'other-process-at', refreshToken: 'rt2', expiresAt: Date.parse('2031-01-01T00:00:00Z') });
    await con.get('me');
    expect(locks).toBe(1);
    expect(calls.filter((c) => c.url.includes('/token'))).toHaveLength(0);
    expect(calls.at(-1)!.headers['authorization']).toBe('Bearer other-process-at');
  });

  it('authorityHost, storeKey, onTokensRefreshed, onRequest', async () => {
    const refreshed: string[] = [];
    const events: string[] = [];
    const store = new MemoryTokenStore();
    const { con, calls } = make(
      {
        authorityHost: 'https://login.microsoftonline.us',
        storeKey: 'tenant-a/user-1',
        tokenStore: store,
        tokens: { ...TOKENS, expiresAt: 0 },
        onTokensRefreshed: (t) => void refreshed.push(t.accessToken),
        onRequest: (e) => void events.push(`${e.method} ${e.url} ${JSON.stringify(e)}`),
      },
      (r) => (r.url.includes('/token') ? json({ access_token: 'fresh-at', refresh_token: 'fresh-rt', token_type: 'Bearer', expires_in: 60 * 60 }) : json({ id: 'me' })),
    );
    await con.get('me');
    expect(calls[0]!.url).toBe('https://login.microsoftonline.us/common/oauth2/v2.0/token');
    expect(refreshed).toEqual(['fresh-at']);
    expect((await store.get('tenant-a/user-1'))?.refreshToken).toBe('fresh-rt');
    expect(events).toHaveLength(1);
    expect(events[0]).toContain('GET https://graph.microsoft.com/v1.0/me');
    expect(events[0]).not.toContain('fresh-at');
  });

  it('a failing network → NetworkError that carries no secret', async () => {
    const con = new GraphConnection({ ...base, tokens: TOKENS, requestRetries: 0, requestsDelay: 0, fetch: async () => { throw new TypeError('fetch failed'); } });
    const err = (await con.get('me').catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(NetworkError);
    expect(JSON.stringify({ ...err, m: err.message })).not.toMatch(/at-secret-123|rt-secret-456|app-secret/);
  });
});
