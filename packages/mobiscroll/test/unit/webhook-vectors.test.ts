import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WebhookVerificationError, verifyWebhook, MobiscrollConnectError } from '@cal/mobiscroll';

interface Vector {
  name: string;
  valid: boolean;
  headers: Record<string, string>;
  body: string;
  publicKeys: string[];
  now: number;
}
// Read at runtime from the shared specs (never copied into the repo).
const file = new URL('../../../../../shared/specs/mobiscroll-webhook-vectors.json', import.meta.url);
const vectors = JSON.parse(readFileSync(file, 'utf8')) as { cases: Vector[]; toleranceSeconds: number };

describe('verifyWebhook: official Standard Webhooks v1a vectors', () => {
  it('has all 22 cases', () => expect(vectors.cases).toHaveLength(22));
  for (const v of vectors.cases) {
    it(`${v.valid ? 'accepts' : 'rejects'}: ${v.name}`, async () => {
      const run = verifyWebhook({ headers: v.headers, rawBody: v.body, keys: v.publicKeys, now: v.now, toleranceSeconds: vectors.toleranceSeconds });
      if (v.valid) {
        const d = await run;
        expect(d.id).toBe(v.headers['webhook-id']);
      } else {
        const err = await run.then(() => undefined, (e: unknown) => e);
        expect(err).toBeInstanceOf(WebhookVerificationError);
        expect(err).toBeInstanceOf(MobiscrollConnectError);
      }
    });
  }
  it('accepts bytes and Headers, and a case-insensitive record with arrays', async () => {
    const v = vectors.cases[0]!;
    const bytes = new TextEncoder().encode(v.body);
    await expect(verifyWebhook({ headers: new Headers(v.headers), rawBody: bytes, keys: v.publicKeys, now: v.now })).resolves.toBeDefined();
    const upper = Object.fromEntries(Object.entries(v.headers).map(([k, x]) => [k.toUpperCase(), [x]]));
    await expect(verifyWebhook({ headers: upper, rawBody: bytes.buffer, keys: v.publicKeys, now: new Date(v.now * 1000) })).resolves.toBeDefined();
  });
  it('reports the reason', async () => {
    const v = vectors.cases[0]!;
    const reason = (p: Promise<unknown>) => p.then(() => 'ok', (e: WebhookVerificationError) => e.reason);
    expect(await reason(verifyWebhook({ headers: {}, rawBody: v.body, keys: v.publicKeys, now: v.now }))).toBe('missing_headers');
    expect(await reason(verifyWebhook({ headers: v.headers, rawBody: v.body, keys: v.publicKeys, now: v.now + 301 }))).toBe('timestamp_out_of_tolerance');
    expect(await reason(verifyWebhook({ headers: v.headers, rawBody: v.body, keys: [], now: v.now }))).toBe('no_public_keys');
    expect(await reason(verifyWebhook({ headers: v.headers, rawBody: v.body + ' ', keys: v.publicKeys, now: v.now }))).toBe('no_matching_signature');
    expect(await reason(verifyWebhook({ headers: { ...v.headers, 'webhook-timestamp': 'abc' }, rawBody: v.body, keys: v.publicKeys, now: v.now }))).toBe('invalid_timestamp');
    expect(await reason(verifyWebhook({ headers: v.headers, rawBody: 42 as unknown as string, keys: v.publicKeys, now: v.now }))).toBe('invalid_payload');
  });
});
