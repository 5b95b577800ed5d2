import type { AuthStrategy } from './strategy.js';

/**
 * A bearer token (RFC 6750): a fixed string, or a function called on every request so a token
 * that the app refreshes elsewhere is always current.
 * @public
 */
export function bearerAuth(token: string | (() => string | Promise<string>)): AuthStrategy {
  let last = typeof token === 'string' ? token : '';
  const authorization = async () => {
    last = typeof token === 'string' ? token : await token();
    return `Bearer ${last}`;
  };
  return {
    kind: 'bearer',
    authorization: typeof token === 'string' ? () => `Bearer ${token}` : authorization,
    async authorize(request) {
      request.headers.set('authorization', await authorization());
      return request;
    },
    secrets: () => (last ? [last] : []),
  };
}
