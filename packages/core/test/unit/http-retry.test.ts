import { describe, expect, it } from 'vitest';
import { createHttpClient, NetworkError, RateLimitError, ServerError, parseRetryAfter } from '@cal/core';
import { expectFetch, instantClock, json } from '../helpers/expect-fetch.js';

const BASE = 'https://api.example.com/';

function client(responses: Array<() => Response | Promise<Response>>, retry = {}) {
  const { clock, sleeps } = instantClock();
  let i = 0;
  const mock = expectFetch([{ respond: () => responses[Math.min(i++, responses.length - 1)]!(), times: 100 }]);
  const http = createHttpClient({ provider: 't', baseUrl: BASE, fetch: mock.fetch, retry: { clock, random: () => 1, ...retry } });
  return { http, calls: mock.calls, sleeps };
}

describe('retry middleware', () => {
  it('retries a GET on 503 then succeeds', async () => {
    const { http, calls } = client([() => new Response('', { status: 503 }), () => json({ ok: true })]);
    expect(await http.json('x')).toEqual({ ok: true });
    expect(calls).toHaveLength(2);
  });

  it('honours Retry-After delta-seconds on 429', async () => {
    const { http, sleeps } = client([() => new Response('', { status: 429, headers: { 'retry-after': '3' } }), () => json(1)]);
    await http.json('x');
    expect(sleeps).toEqual([3000]);
  });

  it('honours Retry-After HTTP-date on 503', async () => {
    const { clock, sleeps } = instantClock();
    const when = new Date(clock.now() + 5000).toUTCString();
    let n = 0;
    const mock = expectFetch([{ times: 2, respond: () => (n++ ? json(1) : new Response('', { status: 503, headers: { 'retry-after': when } })) }]);
    const http = createHttpClient({ provider: 't', baseUrl: BASE, fetch: mock.fetch, retry: { clock } });
    await http.json('x');
    expect(sleeps[0]).toBeGreaterThanOrEqual(4000);
    expect(sleeps[0]).toBeLessThanOrEqual(5000);
  });

  it('does not wait longer than maxRetryAfter: gives up with RateLimitError', async () => {
    const { http, calls } = client([() => new Response('', { status: 429, headers: { 'retry-after': '3600' } })]);
    const e = await http.request('x').catch((x) => x);
    expect(e).toBeInstanceOf(RateLimitError);
    expect(e.retryAfter).toBe(3600);
    expect(calls).toHaveLength(1);
  });

  it('backs off exponentially with jitter, capped by limit', async () => {
    const { http, calls, sleeps } = client([() => new Response('', { status: 500 })], { limit: 3, baseDelay: 100 });
    const e = await http.request('x').catch((x) => x);
    expect(e).toBeInstanceOf(ServerError);
    expect(e.statusCode).toBe(500);
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it('a POST is NOT retried on 503 (non-idempotent)', async () => {
    const { http, calls } = client([() => new Response('', { status: 503 }), () => json(1)]);
    const e = await http.request('x', { method: 'POST', body: { a: 1 } }).catch((x) => x);
    expect(e).toBeInstanceOf(ServerError);
    expect(calls).toHaveLength(1);
  });

  it('a POST marked idempotent is retried, with the same body', async () => {
    const { http, calls } = client([() => new Response('', { status: 503 }), () => json(1)]);
    await http.request('x', { method: 'POST', body: { a: 1 }, idempotent: true });
    expect(calls).toHaveLength(2);
    expect(await calls[1]!.text()).toBe('{"a":1}');
  });

  it.each(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PROPFIND', 'REPORT'])('%s is retried by default', async (method) => {
    const { http, calls } = client([() => new Response(null, { status: 502 }), () => new Response(null, { status: 200 })]);
    await http.request('x', { method });
    expect(calls).toHaveLength(2);
  });

  it('PATCH is not retried by default', async () => {
    const { http, calls } = client([() => new Response(null, { status: 502 }), () => new Response(null, { status: 200 })]);
    await expect(http.request('x', { method: 'PATCH', body: '{}' })).rejects.toBeInstanceOf(ServerError);
    expect(calls).toHaveLength(1);
  });

  it('a network error before any response is retried for GET, not for POST', async () => {
    const fail = () => Promise.reject(new TypeError('fetch failed'));
    const get = client([fail, () => json(2)]);
    expect(await get.http.json('x')).toBe(2);
    expect(get.calls).toHaveLength(2);
    const post = client([fail, () => json(2)]);
    const e = await post.http.request('x', { method: 'POST', body: 'a' }).catch((x) => x);
    expect(e).toBeInstanceOf(NetworkError);
    expect(post.calls).toHaveLength(1);
  });

  it('retry: false turns retries off', async () => {
    const mock = expectFetch([{ respond: () => new Response('', { status: 503 }) }]);
    const http = createHttpClient({ provider: 't', baseUrl: BASE, fetch: mock.fetch, retry: false });
    await expect(http.request('x')).rejects.toBeInstanceOf(ServerError);
    expect(mock.calls).toHaveLength(1);
  });
});

describe('parseRetryAfter (RFC 9110 §10.2.3)', () => {
  it('reads delta-seconds and HTTP-dates, never negative, undefined for nothing or garbage', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter(' 7 ', now)).toBe(7);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    for (const bad of [null, undefined, '', '  ', 'soon']) expect(parseRetryAfter(bad, now)).toBeUndefined();
  });
});
