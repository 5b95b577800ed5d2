import type { Middleware } from '../http/middleware.js';
import type { OriginPolicy } from '../http/origin-guard.js';
import { assertCredentialOrigin } from '../http/origin-guard.js';
import { currentOf } from '../http/run-chain.js';
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
  // `${origin}/` of the last URL that passed the origin guard. A normalized href that starts with
  // it has that origin, so the common case (every request to the base URL) skips a URL parse.
  let approved: string | undefined;
  return {
    name: 'auth',
    onRequest(params) {
      const { meta } = params;
      if (meta.anonymous) return;
      const current = currentOf(params);
      if (!approved || !current.url.startsWith(approved)) {
        const target = new URL(current.url);
        assertCredentialOrigin(target, base(), policy, provider);
        approved = `${target.origin}/`;
      }
      if (strategy.authorization) {
        // Fast path: the header goes on the draft in place; no Request object is built for this.
        const apply = (value: string) => void current.headers.set('authorization', value);
        const value = strategy.authorization();
        return value instanceof Promise ? value.then(apply) : apply(value);
      }
      // onResponse sees the request as it was *before* this hook; the strategy needs the one it
      // signed (to tell which token the server rejected).
      const remember = (signed: Request) => (meta.bag.set('signed', signed), signed);
      const signed = strategy.authorize(params.request);
      return signed instanceof Promise ? signed.then(remember) : remember(signed);
    },
    onResponse(params) {
      const { response, meta, dispatch } = params;
      // The bag is only touched on a 401: it is created on first use.
      if (response.status !== 401 || !dispatch || !strategy.onUnauthorized || meta.anonymous || meta.bag.get('reauthorized')) return;
      const { bag } = meta;
      bag.set('reauthorized', true);
      return (async () => {
        // Rare path (a 401): a Request is built here so the strategy sees what was sent. With the
        // fast path that is this request: the header was set on it in place.
        const request = params.request;
        if (!(await strategy.onUnauthorized!((bag.get('signed') as Request | undefined) ?? request, response))) return;
        await response.body?.cancel().catch(() => {});
        meta.attempt++;
        if (!strategy.authorization) return dispatch(await strategy.authorize(request));
        request.headers.set('authorization', await strategy.authorization());
        return dispatch(request);
      })();
    },
  };
}
