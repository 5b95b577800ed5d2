import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSimServer, type SimServer } from '@cal/testkit';
import { startMobiscrollSimulator, type MobiscrollSimulator } from '@cal/testkit/mobiscroll';
import { createWebhookKeyCache, verifyWebhook, ValidationError, WebhookVerificationError } from '@cal/mobiscroll';
import { signedIn } from './helpers.js';

let sim: MobiscrollSimulator;
let receiver: SimServer;
beforeAll(async () => {
  sim = await startMobiscrollSimulator();
  receiver = await createSimServer({ name: 'webhook-receiver' });
  receiver.route('POST', '/hook', () => ({ status: 200, body: { ok: true } }));
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});
beforeEach(() => {
  sim.reset();
  receiver.reset();
  sim.setWebhookUrl(`${receiver.url}/hook`);
});

const G = { provider: 'google', calendarId: 'alice@gmail.com' } as const;

describe('webhooks against the simulator', () => {
  it('subscribe → external change → signed POST verified with keys fetched from /.well-known/webhook-keys', async () => {
    const { client } = await signedIn(sim);
    const sub = await client.webhooks.subscribe({ ...G, channelId: 'ch-1', expiration: new Date('2030-01-01T00:00:00Z') });
    expect(sub).toMatchObject({ success: true, channelId: 'ch-1', provider: 'google' });
    expect(sub.expiration).toEqual(new Date('2030-01-01T00:00:00Z'));
    expect(sub.resourceId).toBeTruthy();
    expect(JSON.parse(sim.sim.log.at(-1)!.body)).toMatchObject({ expiration: 1893456000000 });

    await sim.externalChange('user-1', { ...G, changeType: 'created', event: { title: 'From Google', start: '2030-01-02T10:00:00Z', end: '2030-01-02T11:00:00Z' } });
    const hit = receiver.log.find((r) => r.path === '/hook')!;
    expect(hit).toBeDefined();
    const delivery = await verifyWebhook({ keysUrl: client.webhooks.keysUrl, headers: hit.headers, rawBody: hit.body, keyCache: createWebhookKeyCache() });
    expect(delivery).toMatchObject({ provider: 'google', userId: 'user-1', calendarId: 'alice@gmail.com', changeType: 'created' });
    expect(delivery.events[0]).toMatchObject({ title: 'From Google', changeType: 'created' });
    expect(delivery.events[0]!.start).toEqual(new Date('2030-01-02T10:00:00Z'));
    expect(delivery.metadata).toMatchObject({ channelId: 'ch-1', eventCount: 1 });
    expect(sim.sim.log.some((r) => r.path === '/.well-known/webhook-keys')).toBe(true);

    // API-originated changes are echo-suppressed (reference §3.7).
    const n = receiver.log.length;
    await client.events.create({ ...G, title: 'mine', start: '2030-01-03T10:00:00Z', end: '2030-01-03T11:00:00Z' });
    expect(receiver.log.length).toBe(n);

    expect(await client.webhooks.unsubscribe({ provider: 'google', channelId: 'ch-1', ...(sub.resourceId ? { resourceId: sub.resourceId } : {}) })).toMatchObject({ success: true });
    await sim.externalChange('user-1', { ...G, changeType: 'updated', event: { id: 'x', title: 'again' } });
    expect(receiver.log.length).toBe(n);
  });

  it('tampered body and stale timestamp are rejected', async () => {
    const { client } = await signedIn(sim);
    await client.webhooks.subscribe(G);
    const [d] = await sim.externalChange('user-1', { ...G, changeType: 'deleted', event: { id: 'gone' } });
    const keys = [sim.signer.activeKey];
    await expect(verifyWebhook({ headers: d!.headers, rawBody: d!.body, keys })).resolves.toMatchObject({ changeType: 'deleted' });
    const tampered = await verifyWebhook({ headers: d!.headers, rawBody: d!.body.replace('deleted', 'created'), keys }).catch((e: unknown) => e);
    expect((tampered as WebhookVerificationError).reason).toBe('no_matching_signature');
    const stale = await verifyWebhook({ headers: d!.headers, rawBody: d!.body, keys, now: Date.now() / 1000 + 301 }).catch((e: unknown) => e);
    expect((stale as WebhookVerificationError).reason).toBe('timestamp_out_of_tolerance');
  });

  it('key rotation: dual-signed deliveries verify with the old cached key; a new key is fetched after a miss', async () => {
    const { client } = await signedIn(sim);
    await client.webhooks.subscribe(G);
    let now = 1_000_000;
    const cache = createWebhookKeyCache({ now: () => now });
    const [d1] = await sim.externalChange('user-1', { ...G, changeType: 'created', event: { title: 'a' } });
    await verifyWebhook({ keysUrl: client.webhooks.keysUrl, headers: d1!.headers, rawBody: d1!.body, keyCache: cache });
    const fetches = () => sim.sim.log.filter((r) => r.path === '/.well-known/webhook-keys').length;
    expect(fetches()).toBe(1);
    await sim.signer.rotate();
    const [d2] = await sim.externalChange('user-1', { ...G, changeType: 'created', event: { title: 'b' } });
    expect(d2!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    await verifyWebhook({ keysUrl: client.webhooks.keysUrl, headers: d2!.headers, rawBody: d2!.body, keyCache: cache }); // old key still cached
    expect(fetches()).toBe(1);
    sim.signer.retirePrevious();
    const [d3] = await sim.externalChange('user-1', { ...G, changeType: 'created', event: { title: 'c' } });
    // Within 60 s of the last fetch no refetch is allowed → miss.
    const early = await verifyWebhook({ keysUrl: client.webhooks.keysUrl, headers: d3!.headers, rawBody: d3!.body, keyCache: cache }).catch((e: unknown) => e);
    expect((early as WebhookVerificationError).reason).toBe('no_matching_signature');
    now += 61_000;
    await verifyWebhook({ keysUrl: client.webhooks.keysUrl, headers: d3!.headers, rawBody: d3!.body, keyCache: cache });
    expect(fetches()).toBe(2);
  });

  it('subscribe without a project webhook URL → 400 ValidationError {error}', async () => {
    const { client } = await signedIn(sim);
    sim.setWebhookUrl(undefined);
    const err = (await client.webhooks.subscribe(G).catch((e: unknown) => e)) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toMatch(/webhook URL is not configured/);
  });
});
