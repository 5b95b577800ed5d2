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
    onRequest({ request, meta }) {
      if (meta.bag.get('anonymous')) return;
      assertCredentialOrigin(new URL(request.url), base(), policy, provider);
      return strategy.authorize(request);
    },
    async onResponse({ request, response, meta, dispatch }) {
      if (response.status !== 401 || !dispatch || meta.bag.get('anonymous') || meta.bag.get('reauthorized')) return;
      if (!strategy.onUnauthorized) return;
      meta.bag.set('reauthorized', true);
      if (!(await strategy.onUnauthorized(request, response))) return;
      await response.body?.cancel().catch(() => {});
      meta.attempt++;
      return dispatch(await strategy.authorize(request));
    },
  };
}
