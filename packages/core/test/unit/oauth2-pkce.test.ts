import { describe, expect, it } from 'vitest';
import * as oauth from 'oauth4webapi';
import { randomToken, s256Challenge } from '../../src/oauth2/pkce.js';

// authorizationUrl() builds state and PKCE values with WebCrypto instead of oauth4webapi (kept
// lazy); they must match RFC 7636 and oauth4webapi's own encodings.
describe('PKCE helpers', () => {
  it('computes the RFC 7636 Appendix B S256 challenge', async () => {
    expect(await s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('agrees with oauth4webapi on random verifiers', async () => {
    for (let i = 0; i < 20; i++) {
      const v = randomToken();
      expect(v).toMatch(/^[\w-]{43}$/);
      expect(await s256Challenge(v)).toBe(await oauth.calculatePKCECodeChallenge(v));
    }
  });

  it('never repeats a state', () => {
    expect(new Set(Array.from({ length: 100 }, randomToken)).size).toBe(100);
  });
});
