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
      if (meta.bag.get('anonymous')) return;
      const current = currentOf(params) ?? params.request;
      if (approved === undefined || !current.url.startsWith(approved)) {
        const target = new URL(current.url);
        assertCredentialOrigin(target, base(), policy, provider);
        approved = `${target.origin}/`;
      }
      if (strategy.authorization) {
        // Fast path: set the header on the draft; no Request object is built for this.
        const apply = (value: string) => {
          current.headers.set('authorization', value);
          meta.bag.set('auth:sent', value);
        };
        const value = strategy.authorization();
        return value instanceof Promise ? value.then(apply) : apply(value);
      }
      const remember = (authorized: Request) => {
        // onResponse sees the request as it was *before* this hook; the strategy needs the one it
        // signed (to tell which token the server rejected).
        meta.bag.set('auth:sent', authorized);
        return authorized;
      };
      const authorized = strategy.authorize(params.request);
      return authorized instanceof Promise ? authorized.then(remember) : remember(authorized);
    },
    onResponse(params) {
      const { response, meta, dispatch } = params;
      if (response.status !== 401 || !dispatch || meta.bag.get('anonymous') || meta.bag.get('reauthorized')) return;
      if (!strategy.onUnauthorized) return;
      meta.bag.set('reauthorized', true);
      const sent = meta.bag.get('auth:sent');
      // Rare path (a 401): a Request is built here so the strategy sees what was sent.
      const request = params.request;
      const signed = sent instanceof Request ? sent : withAuthorization(request, sent as string | undefined);
      return (async () => {
        if (!(await strategy.onUnauthorized!(signed, response))) return;
        await response.body?.cancel().catch(() => {});
        meta.attempt++;
        const next = currentOf(params) ?? request;
        if (strategy.authorization) {
          next.headers.set('authorization', await strategy.authorization());
          return dispatch(next as Request);
        }
        return dispatch(await strategy.authorize(request));
      })();
    },
  };
}

function withAuthorization(request: Request, value: string | undefined): Request {
  const copy = new Request(request.url, { method: request.method, headers: request.headers });
  if (value) copy.headers.set('authorization', value);
  return copy;
}
