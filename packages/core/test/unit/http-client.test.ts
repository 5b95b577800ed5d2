import { describe, expect, it, vi } from 'vitest';
import {
  AbortedError, ProtocolError, basicAuth, bearerAuth, createHttpClient, throttleMiddleware, type Middleware, type RequestEvent,
} from '@cal/core';
import { expectFetch, instantClock, json } from '../helpers/expect-fetch.js';

const BASE = 'https://api.example.com/v1/';

describe('createHttpClient', () => {
  it('resolves against the base URL, adds default headers, query and a User-Agent', async () => {
    const mock = expectFetch([{ url: 'https://api.example.com/v1/events?a=1&b=x&b=y', respond: () => json([]) }]);
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch: mock.fetch, headers: { 'x-app': 'demo' }, userAgent: '@cal/p/1.0.0' });
    await http.json('events', { query: { a: 1, b: ['x', 'y'], c: undefined } });
    const req = mock.calls[0]!;
    expect(req.headers.get('x-app')).toBe('demo');
    expect(req.headers.get('user-agent')).toMatch(/^@cal\/p\/1\.0\.0 @cal\/core\//);
    expect(req.headers.get('accept')).toBe('application/json');
  });

  it('looks fetch up at call time, never at construction', async () => {
    const original = globalThis.fetch;
    const http = createHttpClient({ provider: 'p', baseUrl: BASE });
    const late = vi.fn(async () => json({ late: true }));
    globalThis.fetch = late as unknown as typeof fetch;
    try {
      expect(await http.json('x')).toEqual({ late: true });
    } finally {
      globalThis.fetch = original;
    }
  });

  it('calls fetch detached, as browsers require (window.fetch throws "Illegal invocation" on another `this`)', async () => {
    let self: unknown = 'unset';
    const fetch = function (this: unknown) {
      self = this;
      return Promise.resolve(json({}));
    };
    await createHttpClient({ provider: 'p', baseUrl: BASE, fetch }).json('x');
    expect(self).toBeUndefined();
  });

  it('sends JSON bodies with content-type', async () => {
    const mock = expectFetch([{ method: 'POST', respond: () => json({ id: 1 }, { status: 201 }) }]);
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch: mock.fetch });
    await http.json('x', { method: 'POST', body: { a: [1] } });
    expect(mock.calls[0]!.headers.get('content-type')).toBe('application/json');
    expect(await mock.calls[0]!.text()).toBe('{"a":[1]}');
  });

  it('non-JSON where JSON was due is a ProtocolError', async () => {
    const mock = expectFetch([{ respond: () => new Response('<html>oops</html>', { headers: { 'content-type': 'text/html' } }) }]);
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch: mock.fetch });
    await expect(http.json('x')).rejects.toBeInstanceOf(ProtocolError);
  });

  it('throwHttpErrors: false returns the response', async () => {
    const mock = expectFetch([{ respond: () => new Response('nope', { status: 404 }) }]);
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch: mock.fetch });
    expect((await http.request('x', { throwHttpErrors: false })).status).toBe(404);
  });

  it('runs middleware in openapi-fetch order: onRequest in order, onResponse in reverse', async () => {
    const order: string[] = [];
    const mw = (name: string): Middleware => ({
      name,
      onRequest: () => void order.push(`req:${name}`),
      onResponse: () => void order.push(`res:${name}`),
    });
    const mock = expectFetch([{ respond: () => json(1) }]);
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch: mock.fetch, middleware: [mw('a'), mw('b')] });
    await http.json('x');
    expect(order).toEqual(['req:a', 'req:b', 'res:b', 'res:a']);
    http.eject('a');
    order.length = 0;
    const mock2 = expectFetch([{ respond: () => json(1) }]);
    const http2 = createHttpClient({ provider: 'p', baseUrl: BASE, fetch: mock2.fetch });
    http2.use(mw('c'));
    await http2.json('x');
    expect(order).toEqual(['req:c', 'res:c']);
  });

  it('a middleware may short-circuit with a Response', async () => {
    const mock = expectFetch([]);
    const http = createHttpClient({
      provider: 'p', baseUrl: BASE, fetch: mock.fetch,
      middleware: [{ onRequest: () => json({ cached: true }) }],
    });
    expect(await http.json('x')).toEqual({ cached: true });
    expect(mock.calls).toHaveLength(0);
  });

  it('http.fetch plugs into openapi-fetch style callers and never throws on status', async () => {
    const mock = expectFetch([{ respond: () => new Response('x', { status: 500 }), times: 3 }]);
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch: mock.fetch, retry: { clock: instantClock().clock } });
    const res = await http.fetch(new Request('https://api.example.com/v1/x', { method: 'POST', body: 'b' }));
    expect(res.status).toBe(500);
    expect(mock.calls).toHaveLength(1);
  });

  it('the caller AbortSignal gives AbortedError', async () => {
    const ac = new AbortController();
    const http = createHttpClient({
      provider: 'p', baseUrl: BASE,
      fetch: (req, init) => new Promise((_, reject) => { const s = init?.signal ?? (req as Request).signal; if (s.aborted) reject(s.reason); s.addEventListener('abort', () => reject(s.reason)); }),
    });
    const p = http.request('x', { signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toBeInstanceOf(AbortedError);
  });

  it('request hook sees every attempt, redacted', async () => {
    const events: RequestEvent[] = [];
    let n = 0;
    const mock = expectFetch([{ times: 2, respond: () => (n++ ? json(1) : new Response('', { status: 503 })) }]);
    const http = createHttpClient({
      provider: 'p', baseUrl: BASE, fetch: mock.fetch, auth: bearerAuth('tok_SECRET_VALUE'),
      onRequest: (e) => events.push(e), retry: { clock: instantClock().clock },
    });
    await http.json('x?access_token=leak');
    expect(events.map((e) => [e.attempt, e.status])).toEqual([[1, 503], [2, 200]]);
    expect(JSON.stringify(events)).not.toContain('tok_SECRET_VALUE');
    expect(JSON.stringify(events)).not.toContain('leak');
  });

  it('a throwing hook never breaks the request', async () => {
    const mock = expectFetch([{ respond: () => json(1) }]);
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch: mock.fetch, onRequest: () => { throw new Error('x'); } });
    expect(await http.json('x')).toBe(1);
  });

  it('throttle keeps a minimum delay between requests (O365 requests_delay)', async () => {
    const t = instantClock();
    const mock = expectFetch([{ times: 3, respond: () => json(1) }]);
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch: mock.fetch, throttle: 200, clock: t.clock });
    await Promise.all([http.json('a'), http.json('b'), http.json('c')]);
    // the 2nd request waits 200 ms after the 1st, the 3rd 200 ms after the 2nd
    expect(t.sleeps).toEqual([200, 200]);
    expect(throttleMiddleware(1).name).toBe('throttle');
  });
});

describe('origin guard', () => {
  it('sends credentials to the base origin', async () => {
    const mock = expectFetch([{ respond: () => json(1) }]);
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch: mock.fetch, auth: basicAuth('u', 'p') });
    await http.json('x');
    expect(mock.calls[0]!.headers.get('authorization')).toMatch(/^Basic /);
  });

  it('refuses a foreign origin (a hostile next-page link) with ProtocolError, before any request', async () => {
    const mock = expectFetch([]);
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch: mock.fetch, auth: bearerAuth('t0ken-value') });
    const e = await http.request('https://evil.example.net/steal').catch((x) => x);
    expect(e).toBeInstanceOf(ProtocolError);
    expect(mock.calls).toHaveLength(0);
    expect(() => http.resolve('https://evil.example.net/x')).toThrow(ProtocolError);
  });

  it('allows an origin the provider allow-lists', async () => {
    const mock = expectFetch([{ respond: () => json(1) }]);
    const http = createHttpClient({
      provider: 'p', baseUrl: BASE, fetch: mock.fetch, auth: bearerAuth('t'), origins: { allow: ['https://files.example.com'] },
    });
    await http.json('https://files.example.com/x');
    expect(mock.calls).toHaveLength(1);
  });

  it('refuses credentials over plain http except to loopback, unless opted in', async () => {
    const mock = expectFetch([{ respond: () => json(1), times: 2 }]);
    const remote = createHttpClient({ provider: 'p', baseUrl: 'http://cal.example.com/', fetch: mock.fetch, auth: basicAuth('u', 'p') });
    await expect(remote.request('x')).rejects.toBeInstanceOf(ProtocolError);
    const optIn = createHttpClient({ provider: 'p', baseUrl: 'http://cal.example.com/', fetch: mock.fetch, auth: basicAuth('u', 'p'), origins: { allowInsecureHttp: true } });
    await optIn.request('x');
    const loop = createHttpClient({ provider: 'p', baseUrl: 'http://127.0.0.1:9/', fetch: mock.fetch, auth: basicAuth('u', 'p') });
    await loop.request('x');
    expect(mock.calls).toHaveLength(2);
  });
});

describe('resource hygiene', () => {
  it('detaches from a long-lived caller signal after each request', async () => {
    const ac = new AbortController();
    let added = 0;
    let removed = 0;
    const add = ac.signal.addEventListener.bind(ac.signal);
    const remove = ac.signal.removeEventListener.bind(ac.signal);
    ac.signal.addEventListener = ((...a: Parameters<typeof add>) => (added++, add(...a))) as typeof add;
    ac.signal.removeEventListener = ((...a: Parameters<typeof remove>) => (removed++, remove(...a))) as typeof remove;
    const mock = expectFetch([{ respond: () => json(1), times: 50 }]);
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch: mock.fetch });
    for (let i = 0; i < 50; i++) await http.json('x', { signal: ac.signal });
    expect(added).toBe(50);
    expect(removed).toBe(50);
  });
});
