import type { AuthStrategy } from './strategy.js';

/**
 * A bearer token (RFC 6750): a fixed string, or a function called on every request so a token
 * that the app refreshes elsewhere is always current.
 * @public
 */
export function bearerAuth(token: string | (() => string | Promise<string>)): AuthStrategy {
  let last = typeof token === 'string' ? token : '';
  return {
    kind: 'bearer',
    async authorize(request) {
      last = typeof token === 'string' ? token : await token();
      request.headers.set('authorization', `Bearer ${last}`);
      return request;
    },
    secrets: () => (last ? [last] : []),
  };
}
