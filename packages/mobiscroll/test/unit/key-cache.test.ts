import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWebhookKeyCache, verifyWebhook, WebhookVerificationError } from '@cal/mobiscroll';

const vectors = JSON.parse(readFileSync(new URL('../../../../../shared/specs/mobiscroll-webhook-vectors.json', import.meta.url), 'utf8')) as {
  keysResponse: unknown;
  keys: Record<string, string>;
  cases: { headers: Record<string, string>; body: string; now: number }[];
};
const v = vectors.cases[0]!;
const URL_ = 'https://connect.test/.well-known/webhook-keys';

function keyServer(bodies: (() => Response)[]) {
  let calls = 0;
  const fetch = async () => {
    const b = bodies[Math.min(calls, bodies.length - 1)]!;
    calls++;
    await new Promise((r) => setTimeout(r, 5));
    return b();
  };
  return { fetch, calls: () => calls };
}
const ok = (body: unknown, cc = 'public, max-age=3600') => () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json', 'cache-control': cc } });

describe('webhook key fetching and caching (reference §4.5)', () => {
  it('fetches the official keys document, dedupes concurrent fetches, caches for max-age', async () => {
    const s = keyServer([ok(vectors.keysResponse)]);
    let now = 0;
    const cache = createWebhookKeyCache({ fetch: s.fetch, now: () => now });
    const run = () => verifyWebhook({ headers: v.headers, rawBody: v.body, keysUrl: URL_, keyCache: cache, now: v.now });
    await Promise.all([run(), run(), run()]);
    expect(s.calls()).toBe(1);
    now += 3_599_000;
    await run();
    expect(s.calls()).toBe(1);
    now += 2_000;
    await run();
    expect(s.calls()).toBe(2);
  });

  it('caps max-age at 24 h; skips non-ed25519 keys', async () => {
    const s = keyServer([ok({ keys: [{ alg: 'rsa', key: vectors.keys.active }, { alg: 'ED25519', key: vectors.keys.active }] }, 'max-age=999999')]);
    let now = 0;
    const cache = createWebhookKeyCache({ fetch: s.fetch, now: () => now });
    expect(await cache.get(URL_)).toEqual([vectors.keys.active]);
    now = 86_400_000 + 1;
    await cache.get(URL_);
    expect(s.calls()).toBe(2);
  });

  it('keeps the last good keys when a fetch fails; at most one fetch per 60 s', async () => {
    const s = keyServer([ok(vectors.keysResponse, 'max-age=1'), () => new Response('down', { status: 503 })]);
    let now = 0;
    const cache = createWebhookKeyCache({ fetch: s.fetch, now: () => now });
    await cache.get(URL_);
    now = 61_000;
    expect(await cache.get(URL_)).toHaveLength(2);
    expect(s.calls()).toBe(2);
    now = 62_000;
    await cache.get(URL_);
    await cache.refresh(URL_);
    expect(s.calls()).toBe(2);
  });

  it('no keys from the endpoint → pinned fallback key; none at all → no_public_keys', async () => {
    const s = keyServer([() => new Response('down', { status: 500 })]);
    const cache = createWebhookKeyCache({ fetch: s.fetch });
    const d = await verifyWebhook({ headers: v.headers, rawBody: v.body, keysUrl: URL_, keyCache: cache, now: v.now, fallbackKeys: [vectors.keys.active!] });
    expect(d.id).toBe(v.headers['webhook-id']);
    const err = await verifyWebhook({ headers: v.headers, rawBody: v.body, keysUrl: URL_, keyCache: createWebhookKeyCache({ fetch: s.fetch }), now: v.now }).catch((e: unknown) => e);
    expect((err as WebhookVerificationError).reason).toBe('no_public_keys');
  });
});
