import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636 §4.2 transformation methods. @internal */
export type PkceMethod = 'S256' | 'plain';

/** RFC 7636 §4.1: 43–128 chars of `[A-Z a-z 0-9 - . _ ~]`. @internal */
export function isValidVerifier(verifier: string): boolean {
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(verifier);
}

/** RFC 7636 §4.6: `BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge` (or equality for `plain`). @internal */
export function verifyPkce(verifier: string, challenge: string, method: PkceMethod): boolean {
  const computed = method === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier;
  const a = Buffer.from(computed);
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}
