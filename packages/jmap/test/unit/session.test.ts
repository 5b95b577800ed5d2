import { describe, expect, it } from 'vitest';
import { AuthenticationError, ProtocolError, isCalError } from '@cal/core';
import { createJMAPClient } from '@cal/jmap';
import { ORIGIN, fakeServer, json, session } from './fake-fetch.js';

const calGet = (body: any) => ({
  methodResponses: [['Calendar/get', { accountId: 'a1', state: '1', list: [{ id: 'c1', name: 'Work' }], notFound: [] }, body.methodCalls[0][2]]],
  sessionState: 's1',
});

describe('session handling', () => {
  it('follows the /.well-known/jmap redirect, resolves the relative apiUrl and reuses the session', async () => {
    const srv = fakeServer(calGet);
    const client = createJMAPClient({ url: `${ORIGIN}/.well-known/jmap`, username: 'u', password: 'pw', fetch: srv.fetch });
    expect(await client.getCalendars()).toEqual([{ id: 'c1', name: 'Work' }]);
    await client.getCalendars();
    const gets = srv.log.filter((r) => r.method === 'GET');
    expect(gets.map((r) => new URL(r.url).pathname)).toEqual(['/.well-known/jmap', '/jmap/session']);
    // Basic credentials on every hop (pre-emptive; JMAP has no challenge dance)
    for (const r of srv.log) expect(r.headers.get('authorization')).toBe(`Basic ${btoa('u:pw')}`);
    const posts = srv.posts();
    expect(posts).toHaveLength(2);
    expect(posts[0]!.url).toBe(`${ORIGIN}/jmap/api/`);
    expect(posts[0]!.body.using).toEqual(['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:calendars']);
    expect(posts[0]!.body.methodCalls[0][1]).toEqual({ accountId: 'a1', ids: null });
    expect((await client.getSession()).apiUrl).toBe(`${ORIGIN}/jmap/api/`);
  });

  it('refetches the session after a response carries a different sessionState', async () => {
    let state = 's1';
    const srv = fakeServer((body) => ({ ...calGet(body), sessionState: state }), { session: () => session({ state }) });
    const client = createJMAPClient({ url: `${ORIGIN}/jmap/session`, password: 'tok', fetch: srv.fetch });
    await client.getCalendars();
    state = 's2'; // server-side session changed: the next response says so
    await client.getCalendars();
    await client.getCalendars();
    await client.getCalendars();
    expect(srv.log.filter((r) => r.method === 'GET')).toHaveLength(2);
    expect((await client.getSession()).state).toBe('s2');
    expect(srv.log[0]!.headers.get('authorization')).toBe('Bearer tok');
  });

  it('refuses a redirect to a foreign origin (origin guard) without contacting it', async () => {
    const log: string[] = [];
    const fetch = async (input: Request | string | URL, init?: RequestInit) => {
      const req = new Request(input, init);
      log.push(req.url);
      return new Response(null, { status: 302, headers: { location: 'https://evil.example/jmap' } });
    };
    const client = createJMAPClient({ url: `${ORIGIN}/.well-known/jmap`, username: 'u', password: 'pw', fetch });
    const err = await client.getCalendars().catch((e) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect(log).toEqual([`${ORIGIN}/.well-known/jmap`]);
  });

  it('refuses a session whose apiUrl points at a foreign origin', async () => {
    const srv = fakeServer(calGet, { session: () => session({ apiUrl: 'https://evil.example/api' }) });
    const client = createJMAPClient({ url: `${ORIGIN}/jmap/session`, username: 'u', password: 'pw', fetch: srv.fetch });
    await expect(client.getCalendars()).rejects.toBeInstanceOf(ProtocolError);
    expect(srv.posts()).toHaveLength(0);
  });

  it('401 on the session is a hard AuthenticationError: one request, no re-auth loop, no secret in the error', async () => {
    let n = 0;
    const fetch = async () => {
      n++;
      return new Response('unauthorized', { status: 401, headers: { 'www-authenticate': 'Basic realm="x"' } });
    };
    const client = createJMAPClient({ url: `${ORIGIN}/jmap/session`, username: 'u', password: 's3cret-pw', fetch });
    const err = await client.getCalendars().catch((e) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(n).toBe(1);
    expect(JSON.stringify(err)).not.toContain('s3cret-pw');
    expect(JSON.stringify(err)).not.toContain(btoa('u:s3cret-pw'));
  });

  it('403 on the API is a hard AuthenticationError', async () => {
    const srv = fakeServer(() => new Response('forbidden', { status: 403 }));
    const client = createJMAPClient({ url: `${ORIGIN}/jmap/session`, username: 'u', password: 'pw', fetch: srv.fetch });
    await expect(client.getCalendars()).rejects.toBeInstanceOf(AuthenticationError);
    expect(srv.posts()).toHaveLength(1);
  });

  it('maps request-level problem details (RFC 8620 §3.6.1) with the JMAP type as providerCode', async () => {
    const srv = fakeServer(() =>
      json({ type: 'urn:ietf:params:jmap:error:unknownCapability', status: 400, detail: 'no such capability' }, 400, { 'content-type': 'application/problem+json' }),
    );
    const client = createJMAPClient({ url: `${ORIGIN}/jmap/session`, username: 'u', password: 'pw', fetch: srv.fetch });
    const err = await client.getCalendars().catch((e) => e);
    expect(isCalError(err)).toBe(true);
    expect(err.providerCode).toBe('urn:ietf:params:jmap:error:unknownCapability');
    expect(err.message).toContain('no such capability');
  });

  it('a session that is not JSON or lacks apiUrl is a ProtocolError', async () => {
    const srv = fakeServer(calGet, { session: () => ({ capabilities: {}, accounts: {} }) });
    const client = createJMAPClient({ url: `${ORIGIN}/jmap/session`, username: 'u', password: 'pw', fetch: srv.fetch });
    await expect(client.getCalendars()).rejects.toThrow(/apiUrl/);
  });
});

describe('retries and concurrency', () => {
  const reply = (body: any) => ({
    methodResponses: body.methodCalls.map(([n, , id]: [string, unknown, string]) =>
      n === 'Calendar/get'
        ? [n, { accountId: 'a1', state: '1', list: [], notFound: [] }, id]
        : [n, { accountId: 'a1', oldState: '1', newState: '2', created: { 'new-0': { id: 'E-1' } } }, id]),
    sessionState: 's1',
  });

  it('retries a read-only batch after a 503, but never a /set (not idempotent)', async () => {
    let fail = 1;
    const srv = fakeServer((b) => (fail-- > 0 ? new Response('busy', { status: 503 }) : reply(b)));
    const client = createJMAPClient({ url: `${ORIGIN}/jmap/session`, username: 'u', password: 'pw', fetch: srv.fetch, retry: { baseDelay: 1, maxDelay: 1 } });
    await client.getCalendars();
    expect(srv.posts()).toHaveLength(2);
    fail = 1;
    await expect(client.createEvent('c1', { title: 'x' })).rejects.toMatchObject({ status: 503 });
    expect(srv.posts()).toHaveLength(3);
  });

  it('concurrent first calls share one session fetch', async () => {
    const srv = fakeServer(reply);
    const client = createJMAPClient({ url: `${ORIGIN}/jmap/session`, username: 'u', password: 'pw', fetch: srv.fetch });
    await Promise.all([client.getCalendars(), client.getCalendars(), client.getCalendars()]);
    expect(srv.log.filter((r) => r.method === 'GET')).toHaveLength(1);
  });

  it('bearer auth: authType bearer sends the password as the token; a custom AuthStrategy wins', async () => {
    const srv = fakeServer(reply);
    await createJMAPClient({ url: `${ORIGIN}/jmap/session`, authType: 'bearer', password: 'tok-1', fetch: srv.fetch }).getCalendars();
    expect(srv.log[0]!.headers.get('authorization')).toBe('Bearer tok-1');
    const custom = { kind: 'custom', authorize: (r: Request) => { const h = new Headers(r.headers); h.set('authorization', 'X t'); return new Request(r, { headers: h }); }, secrets: () => ['t'] };
    await createJMAPClient({ url: `${ORIGIN}/jmap/session`, auth: custom, username: 'ignored', password: 'x', fetch: srv.fetch }).getCalendars();
    expect(srv.log.at(-1)!.headers.get('authorization')).toBe('X t');
  });
});
