import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The published CJS build loads the on-demand operations (event writes, webhook subscriptions,
// connection status…) with require() of a CJS chunk. They must load from `require('@cal/mobiscroll')`
// and throw the same error classes the app imported.
const dist = new URL('../../dist/', import.meta.url);
describe.skipIf(!existsSync(new URL('index.cjs', dist)))('CJS build', () => {
  const require = createRequire(dist);
  const ms = require('./index.cjs');
  const client = () =>
    new ms.MobiscrollConnectClient({
      clientId: 'app', clientSecret: 'secret', redirectUri: 'https://app.example/cb', baseUrl: 'https://connect.example/api',
      tokens: { accessToken: 'at', tokenType: 'Bearer' },
      fetch: async (input: Request | string | URL, init?: RequestInit) => {
        const req = new Request(input, init);
        const body = req.method === 'POST' ? await req.json() : undefined;
        return Response.json({ success: true, id: 'e1', provider: 'google', calendarId: body?.calendarId, title: body?.title });
      },
    });

  it('runs an on-demand operation (events.create) through require()', async () => {
    const e = await client().events.create({ provider: 'google', calendarId: 'c1', title: 'T', start: '2026-01-01T10:00:00Z', end: '2026-01-01T11:00:00Z' });
    expect(e.id).toBe('e1');
    expect(e.title).toBe('T');
  });

  it('rejects bad input with the ValidationError class of the CJS entry', async () => {
    const e = await client().events.delete({ provider: 'nope', calendarId: 'c', eventId: 'e' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ms.ValidationError);
    expect(e).toBeInstanceOf(ms.MobiscrollConnectError);
  });
});
