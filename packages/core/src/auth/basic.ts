import type { AuthStrategy } from './strategy.js';

/**
 * HTTP Basic (RFC 7617), sent up front on every request. Sending it pre-emptively is deliberate:
 * Cyrus answers an anonymous PROPFIND with `207` and an `unauthenticated` body instead of a 401,
 * so waiting for a challenge never works there (servers.md §C.4).
 * @public
 */
export function basicAuth(username: string, password: string): AuthStrategy {
  // btoa takes Latin-1 code units, so the credentials go through UTF-8 first (RFC 7617 §2.1).
  const header = `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${username}:${password}`)))}`;
  return {
    kind: 'basic',
    authorize(request) {
      // Request headers are mutable (guard "request"); setting in place saves a Request copy per call.
      request.headers.set('authorization', header);
      return request;
    },
    authorization: () => header,
    secrets: () => [password, header.slice(6)],
  };
}
