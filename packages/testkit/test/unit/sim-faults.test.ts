import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimServer, type SimServer } from '../../src/index.js';

let sim: SimServer;
let hits: number;
const EVENTS = { value: Array.from({ length: 50 }, (_, i) => ({ id: `evt-${i}`, subject: `Meeting ${i}` })) };

beforeEach(async () => {
  sim = await createSimServer({ name: 'faults' });
  hits = 0;
  sim.route('GET', '/events', () => {
    hits += 1;
    return { body: EVENTS };
  });
  sim.route('PUT', '/events/:id', () => {
    hits += 1;
    return { status: 204 };
  });
  sim.route('GET', '/cal.xml', () => ({ headers: { 'content-type': 'application/xml; charset=utf-8' }, body: '<a><b/></a>' }));
});
afterEach(async () => {
  await sim.close();
});

const get = (path = '/events', init?: RequestInit) => fetch(`${sim.url}${path}`, init);

describe('status faults', () => {
  it('answers the status with Retry-After instead of running the handler', async () => {
    sim.faults.add({ kind: 'status', status: 429, retryAfter: 7 });
    const res = await get();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toEqual({ error: 'simulated_fault', status: 429 });
    expect(hits).toBe(0);
    expect((await get()).status).toBe(200);
    expect(sim.log.map((r) => [r.status, r.fault])).toEqual([[429, 'status'], [200, undefined]]);
  });

  it('passes custom body, headers and an HTTP-date Retry-After', async () => {
    const date = 'Wed, 21 Oct 2026 07:28:00 GMT';
    sim.faults.add({ kind: 'status', status: 503, retryAfter: date, body: { error: { code: 'ServiceUnavailable' } }, headers: { 'x-ms-ags-diagnostic': 'x' } });
    const res = await get();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe(date);
    expect(res.headers.get('x-ms-ags-diagnostic')).toBe('x');
    expect(await res.json()).toEqual({ error: { code: 'ServiceUnavailable' } });
  });

  it('unauthorized: 401 with WWW-Authenticate invalid_token', async () => {
    sim.faults.add({ kind: 'unauthorized' });
    const res = await get();
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect(await res.json()).toMatchObject({ error: 'invalid_token' });
    expect(hits).toBe(0);
  });
});

describe('matching', () => {
  it('nth fires only on the Nth matching request; method and path filter what counts', async () => {
    sim.faults.add({ kind: 'status', status: 500, method: 'GET', path: '/events', nth: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) await (await get('/events/x', { method: 'PUT' })).arrayBuffer();
    for (let i = 0; i < 5; i++) {
      const r = await get();
      await r.arrayBuffer();
      statuses.push(r.status);
    }
    expect(statuses).toEqual([200, 200, 500, 200, 200]);
    expect(sim.faults.active).toHaveLength(0);
  });

  it('times repeats (Infinity until removed); path patterns and RegExps', async () => {
    sim.faults.add({ kind: 'status', status: 502, times: 2, path: '/events/:id' });
    const remove = sim.faults.add({ kind: 'status', status: 504, times: Infinity, path: /\.xml$/ });
    const put = async () => (await get('/events/a', { method: 'PUT' })).status;
    expect([await put(), await put(), await put()]).toEqual([502, 502, 204]);
    for (let i = 0; i < 4; i++) expect((await get('/cal.xml')).status).toBe(504);
    remove();
    expect((await get('/cal.xml')).status).toBe(200);
  });

  it('nth + times: a window of consecutive matching requests', async () => {
    sim.faults.add({ kind: 'status', status: 503, nth: 2, times: 2 });
    const out: number[] = [];
    for (let i = 0; i < 4; i++) out.push((await get()).status);
    expect(out).toEqual([200, 503, 503, 200]);
  });

  it('faults apply to unknown routes too, and clear() disarms all', async () => {
    sim.faults.add({ kind: 'status', status: 500, times: Infinity });
    expect((await get('/nowhere')).status).toBe(500);
    sim.faults.clear();
    expect((await get('/nowhere')).status).toBe(404);
  });
});

describe('wire faults', () => {
  it('reset: head arrives, reading the body rejects; the handler did run', async () => {
    sim.faults.add({ kind: 'reset' });
    const res = await get();
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect(hits).toBe(1);
    // The server keeps serving on fresh connections.
    expect((await get()).status).toBe(200);
  });

  it('reset on a bodiless response destroys the connection before the head', async () => {
    sim.faults.add({ kind: 'reset' });
    await expect(get('/events/a', { method: 'PUT' })).rejects.toThrow();
    expect(hits).toBe(1);
  });

  it('truncated: Content-Length announces more than is sent', async () => {
    sim.faults.add({ kind: 'truncated' });
    const res = await get();
    const announced = Number(res.headers.get('content-length'));
    expect(announced).toBe(JSON.stringify(EVENTS).length);
    await expect(res.arrayBuffer()).rejects.toThrow();
  });

  it('slow-headers: nothing arrives before delayMs (a client timeout fires first)', async () => {
    sim.faults.add({ kind: 'slow-headers', delayMs: 400 });
    await expect(get('/events', { signal: AbortSignal.timeout(100) })).rejects.toThrow(/abort|timeout/i);
    sim.faults.add({ kind: 'slow-headers', delayMs: 150 });
    const t0 = performance.now();
    const res = await get();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(await res.json()).toEqual(EVENTS);
  });

  it('malformed: same content-type, unparsable body', async () => {
    sim.faults.add({ kind: 'malformed', times: 2 });
    const res = await get();
    expect(res.headers.get('content-type')).toBe('application/json');
    await expect(res.json()).rejects.toThrow(SyntaxError);
    const xml = await get('/cal.xml');
    expect(xml.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(await xml.text()).toContain('&bogus;');
  });

  it('content-type: an HTML page where JSON was expected', async () => {
    sim.faults.add({ kind: 'content-type', contentType: 'text/html; charset=utf-8' });
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toMatch(/^<!DOCTYPE html>/);
  });
});
