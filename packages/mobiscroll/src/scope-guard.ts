import type { AuthStrategy } from '@cal/core';
import type { OAuth2Auth } from '@cal/core/oauth2';

/**
 * Reference §2.6: Connect answers a write under the `read` / `free-busy` scope with **401**
 * `{"error":"Unauthorized","message":"Write access denied for current scope"}`. The official SDKs
 * read every 401 as "token expired" and burn a refresh (rotating the refresh token) before failing.
 * A refresh cannot add scope (§2.2: scope is inherited), so this guard tells core's auth middleware
 * not to refresh when the 401 body names the scope; the caller gets the `AuthenticationError` at once.
 * @internal
 */
export async function isScopeDenial(response: Response): Promise<boolean> {
  try {
    const text = await response.clone().text();
    return /\bscope\b/i.test(text) && !/invalid_token|expired/i.test(text);
  } catch {
    return false;
  }
}

/**
 * Wraps core's OAuth 2 strategy: waits for pending `setCredentials` writes, and skips the
 * refresh-and-repeat for scope denials.
 * @internal
 */
export function guardedStrategy(oauth: OAuth2Auth, pending: () => Promise<unknown>): AuthStrategy {
  return {
    kind: 'oauth2',
    async authorize(request) {
      await pending();
      return oauth.authorize(request);
    },
    // Core's fast path: with `authorization()` the pipeline sets the header on its draft and never
    // builds a Request for auth (it prefers this over `authorize`).
    async authorization() {
      await pending();
      return `Bearer ${await oauth.accessToken()}`;
    },
    async onUnauthorized(request, response) {
      if (await isScopeDenial(response)) return false;
      return oauth.onUnauthorized ? oauth.onUnauthorized(request, response) : false;
    },
    secrets: () => oauth.secrets(),
  };
}
