// Authorization-request values built with WebCrypto alone, so `authorizationUrl()` (a login page's
// only OAuth call) does not load oauth4webapi. Same encodings as oauth4webapi's helpers.

/** RFC 4648 §5 base64url without padding. */
function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * 32 random bytes, base64url (43 characters): a `state` value, or a PKCE `code_verifier`
 * (RFC 7636 §4.1 recommends exactly this: 256 bits of entropy, 43 unreserved characters).
 * @internal
 */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** RFC 7636 §4.2 `S256` code challenge: base64url(SHA-256(ASCII(code_verifier))). @internal */
export async function s256Challenge(codeVerifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier))));
}
