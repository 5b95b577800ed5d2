import { afterEach, describe, expect, it } from 'vitest';
import { createSimServer, SimHttpError, type SimServer } from '../../src/index.js';

let sim: SimServer | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('createSimServer', () => {
  it('routes with params, wildcard and JSON bodies', async () => {
    sim = await createSimServer({ name: 'smoke' });
    expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
    sim.route('GET', '/v1.0/users/:id/events', (ctx) => ({ body: { id: ctx.params['id'], top: ctx.query.get('$top') } }));
    sim.route('POST', '/echo', (ctx) => ({ status: 201, body: ctx.json() as object }));
    sim.route('*', '/dav/*', (ctx) => ({ body: `${ctx.method} ${ctx.params['*']}` }));
    sim.route('GET', '/boom', () => {
      throw new SimHttpError(409, { error: 'conflict' }, { 'x-why': 'test' });
    });
    const r1 = await fetch(`${sim.url}/v1.0/users/a%40b.c/events?$top=5`);
    expect(await r1.json()).toEqual({ id: 'a@b.c', top: '5' });
    const r2 = await fetch(`${sim.url}/echo`, { method: 'POST', body: '{"x":1}' });
    expect(r2.status).toBe(201);
    expect(await r2.json()).toEqual({ x: 1 });
    const r3 = await fetch(`${sim.url}/dav/cal/x.ics`, { method: 'PROPFIND' });
    expect(await r3.text()).toBe('PROPFIND cal/x.ics');
    const r4 = await fetch(`${sim.url}/boom`);
    expect(r4.status).toBe(409);
    expect(r4.headers.get('x-why')).toBe('test');
    const r5 = await fetch(`${sim.url}/nope`);
    expect(r5.status).toBe(404);
    expect(await r5.json()).toEqual({ error: 'not_found' });
    expect(sim.log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /v1.0/users/a%40b.c/events 200',
      'POST /echo 201',
      'PROPFIND /dav/cal/x.ics 200',
      'GET /boom 409',
      'GET /nope 404',
    ]);
  });
});

describe('SimServer behaviour', () => {
  it('records method, path, query, lower-case headers, body and time', async () => {
    sim = await createSimServer();
    sim.route('POST', '/items', () => ({ status: 201 }));
    const before = Date.now();
    await fetch(`${sim.url}/items?a=1&b=two`, { method: 'POST', headers: { 'X-Custom': 'Yes', 'content-type': 'text/plain' }, body: 'hello' });
    const [rec] = sim.log;
    expect(rec).toMatchObject({ method: 'POST', path: '/items', body: 'hello', status: 201, url: `${sim.url}/items?a=1&b=two` });
    expect(rec?.query.get('b')).toBe('two');
    expect(rec?.headers['x-custom']).toBe('Yes');
    expect(rec?.at).toBeGreaterThanOrEqual(before);
  });

  it('reset() clears log, faults and errors, and runs onReset hooks', async () => {
    sim = await createSimServer();
    let state = 5;
    sim.onReset(() => {
      state = 0;
    });
    sim.route('GET', '/x', () => {
      throw new Error('bug in simulator');
    });
    const res = await fetch(`${sim.url}/x`);
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: 'internal_error' });
    expect(sim.errors).toHaveLength(1);
    sim.faults.add({ kind: 'status', status: 503 });
    sim.reset();
    expect([sim.log.length, sim.errors.length, sim.faults.active.length, state]).toEqual([0, 0, 0, 0]);
    expect((await fetch(`${sim.url}/x`)).status).toBe(500);
  });

  it('picks the most specific route; 405 with Allow; HEAD falls back to GET', async () => {
    sim = await createSimServer();
    sim.route('GET', '/me/events/:id', (ctx) => ({ body: `id:${ctx.params['id']}` }));
    sim.route('GET', '/me/events/delta', () => ({ body: 'delta' }));
    sim.route('*', '/me/*', () => ({ body: 'wild' }));
    sim.route('DELETE', '/only-delete', () => ({ status: 204 }));
    expect(await (await fetch(`${sim.url}/me/events/delta`)).text()).toBe('delta');
    expect(await (await fetch(`${sim.url}/me/events/42`)).text()).toBe('id:42');
    expect(await (await fetch(`${sim.url}/me/calendars/1/x`)).text()).toBe('wild');
    expect(await (await fetch(`${sim.url}/me`)).text()).toBe('wild');
    const r405 = await fetch(`${sim.url}/only-delete`);
    expect(r405.status).toBe(405);
    expect(r405.headers.get('allow')).toBe('DELETE');
    sim.route('GET', '/plain', () => ({ body: 'hello' }));
    const head = await fetch(`${sim.url}/plain`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('5');
    // Re-registering replaces the handler.
    sim.route('GET', '/me/events/delta', () => ({ body: 'delta2' }));
    expect(await (await fetch(`${sim.url}/me/events/delta`)).text()).toBe('delta2');
  });

  it('context helpers: basicAuth, bearer, form, json (bad JSON → 400)', async () => {
    sim = await createSimServer();
    sim.route('POST', '/ctx', (ctx) => ({
      body: { basic: ctx.basicAuth() ?? null, bearer: ctx.bearer() ?? null, form: ctx.form().get('a') },
    }));
    sim.route('POST', '/json', (ctx) => ({ body: ctx.json() as object }));
    const basic = `Basic ${Buffer.from('us:er:p:w').toString('base64')}`;
    const r1 = await fetch(`${sim.url}/ctx`, { method: 'POST', headers: { authorization: basic }, body: new URLSearchParams({ a: 'b c' }) });
    expect(await r1.json()).toEqual({ basic: { user: 'us', pass: 'er:p:w' }, bearer: null, form: 'b c' });
    const r2 = await fetch(`${sim.url}/ctx`, { method: 'POST', headers: { authorization: 'bearer tok.en' }, body: '' });
    expect(await r2.json()).toMatchObject({ basic: null, bearer: 'tok.en' });
    const r3 = await fetch(`${sim.url}/json`, { method: 'POST', body: '{nope' });
    expect(r3.status).toBe(400);
    expect(await r3.json()).toMatchObject({ error: 'invalid_json' });
  });

  it('caps the body size with 413', async () => {
    sim = await createSimServer({ maxBodyBytes: 1024 });
    sim.route('POST', '/up', (ctx) => ({ body: String(ctx.body.length) }));
    expect(await (await fetch(`${sim.url}/up`, { method: 'POST', body: 'x'.repeat(1024) })).text()).toBe('1024');
    const big = await fetch(`${sim.url}/up`, { method: 'POST', body: 'x'.repeat(4096) }).catch((e: unknown) => e);
    // Either the 413 arrives or the client sees the connection close while still uploading.
    if (big instanceof Response) expect(big.status).toBe(413);
    else expect(big).toBeInstanceOf(Error);
  });

  it('binds other loopback addresses (distinct origins, e.g. Cronofy app vs api hosts)', async () => {
    sim = await createSimServer({ host: '127.0.0.2' });
    const other = await createSimServer({ host: '127.0.0.1' });
    try {
      expect(sim.url).toBe(`http://127.0.0.2:${sim.port}`);
      sim.route('GET', '/who', (ctx) => ({ body: ctx.url.host }));
      expect(await (await fetch(`${sim.url}/who`)).text()).toBe(`127.0.0.2:${sim.port}`);
      expect(new URL(sim.url).origin).not.toBe(new URL(other.url).origin);
    } finally {
      await other.close();
    }
  });

  it('close() destroys keep-alive sockets and pending fault timers; idempotent', async () => {
    const baseline = process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;
    sim = await createSimServer();
    sim.route('GET', '/x', () => ({ body: 'x' }));
    for (let i = 0; i < 3; i++) await (await fetch(`${sim.url}/x`)).text();
    sim.faults.add({ kind: 'slow-headers', delayMs: 60_000 });
    const pending = fetch(`${sim.url}/x`).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    await Promise.all([sim.close(), sim.close()]);
    expect(await pending).toBeInstanceOf(Error);
    expect(performance.now() - t0).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 50));
    const after = process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;
    expect(after).toBeLessThanOrEqual(baseline);
  });
});
