import { afterEach, describe, expect, it } from 'vitest';
import { createSimServer, SimHttpError, type SimServer } from '@cal/testkit';

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
