import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `@cal/core/oauth2` loads its token-endpoint code (and oauth4webapi) with `import()` on the first
// token request, and its authorization-URL builder on first use. In the published CJS build that `import()` stays a native dynamic import of a
// `.cjs` chunk, which must still resolve and share core's error classes: refresh end to end
// through `require`, then a rejected refresh, against a token endpoint that follows RFC 6749 §5.
const dist = new URL('../../dist/', import.meta.url);
describe.skipIf(!existsSync(new URL('oauth2.cjs', dist)))('CJS oauth2 entry', () => {
  const require = createRequire(dist);
  const core = require('./index.cjs');
  const { createOAuth2Auth } = require('./oauth2.cjs');
  const tokenFetch = async (_url: string | URL | Request, init?: RequestInit) => {
    const form = new URLSearchParams(String(init?.body));
    if (form.get('refresh_token') === 'rt-bad') {
      return Response.json({ error: 'invalid_grant' }, { status: 400 });
    }
    return Response.json({ access_token: 'at-2', refresh_token: 'rt-2', expires_in: 3600, token_type: 'Bearer' });
  };

  it('refreshes an expired token through require()', async () => {
    const auth = createOAuth2Auth({
      clientId: 'x', clientSecret: 's', tokenEndpoint: 'https://t.example/token', fetch: tokenFetch,
      tokens: { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: 0, tokenType: 'Bearer' },
    });
    expect(await auth.accessToken()).toBe('at-2');
    expect((await auth.getTokens()).refreshToken).toBe('rt-2');
  });

  it('builds an authorization URL (its own on-demand chunk) through require()', async () => {
    const auth = createOAuth2Auth({
      clientId: 'x', tokenEndpoint: 'https://t.example/token', authorizationEndpoint: 'https://t.example/authorize',
      redirectUri: 'https://app.example/cb',
    });
    const { url, state, codeVerifier } = await auth.authorizationUrl({ scopes: ['a'] });
    expect(new URL(url).searchParams.get('state')).toBe(state);
    expect(codeVerifier).toMatch(/^[\w-]{43}$/);
    const e = await createOAuth2Auth({ clientId: 'x', tokenEndpoint: 'https://t.example/token' }).authorizationUrl().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(core.ValidationError);
  });

  it('maps a rejected refresh to the AuthenticationError of index.cjs', async () => {
    const auth = createOAuth2Auth({
      clientId: 'x', clientSecret: 's', tokenEndpoint: 'https://t.example/token', fetch: tokenFetch,
      tokens: { accessToken: 'at-1', refreshToken: 'rt-bad', expiresAt: 0, tokenType: 'Bearer' },
    });
    const e = await auth.refresh().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(core.AuthenticationError);
    expect(e.providerCode).toBe('invalid_grant');
  });
});
