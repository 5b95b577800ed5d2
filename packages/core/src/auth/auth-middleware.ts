import type { Middleware } from '../http/middleware.js';
import type { OriginPolicy } from '../http/origin-guard.js';
import { assertCredentialOrigin } from '../http/origin-guard.js';
import type { AuthStrategy } from './strategy.js';

/**
 * Puts a strategy on the chain: checks the origin policy, authorizes each attempt, and after a
 * 401 asks the strategy once whether to repeat (a refreshed token, a digest challenge). A second
 * 401 is final: JMAP and Graph have no challenge dance worth looping on.
 * @public
 */
export function authMiddleware(
  strategy: AuthStrategy,
  base: () => URL | undefined,
  policy: OriginPolicy = {},
  provider?: string,
): Middleware {
  return {
    name: 'auth',
    async onRequest({ request, meta }) {
      if (meta.bag.get('anonymous')) return;
      assertCredentialOrigin(new URL(request.url), base(), policy, provider);
      const authorized = await strategy.authorize(request);
      // onResponse sees the request as it was *before* this hook; the strategy needs the one it
      // signed (to tell which token the server rejected).
      meta.bag.set('auth:sent', authorized);
      return authorized;
    },
    async onResponse({ request, response, meta, dispatch }) {
      if (response.status !== 401 || !dispatch || meta.bag.get('anonymous') || meta.bag.get('reauthorized')) return;
      if (!strategy.onUnauthorized) return;
      meta.bag.set('reauthorized', true);
      const sent = (meta.bag.get('auth:sent') as Request | undefined) ?? request;
      if (!(await strategy.onUnauthorized(sent, response))) return;
      await response.body?.cancel().catch(() => {});
      meta.attempt++;
      return dispatch(await strategy.authorize(request));
    },
  };
}
