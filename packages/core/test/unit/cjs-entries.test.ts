import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The published CJS build must share one copy of the error classes across entry points, or
// `instanceof AuthenticationError` fails for an error thrown by `@cal/core/oauth2` (tsup `splitting`).
const dist = new URL('../../dist/', import.meta.url);
describe.skipIf(!existsSync(new URL('index.cjs', dist)))('CJS build', () => {
  it('oauth2.cjs throws the same AuthenticationError class as index.cjs', async () => {
    const require = createRequire(dist);
    const core = require('./index.cjs');
    const { createOAuth2Auth } = require('./oauth2.cjs');
    const auth = createOAuth2Auth({ clientId: 'x', tokenEndpoint: 'https://t.example/token' });
    const e = await auth.accessToken().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(core.AuthenticationError);
  });
});
