import { createOAuth2Auth, type OAuth2Auth } from '@cal/core/oauth2';
import type { ClientState } from './client-state.js';

/**
 * Core's OAuth 2 (oauth4webapi) configured for Cronofy. Its own chunk, loaded with `import()` on
 * the first OAuth call or refresh: apps with a stored or personal token never download it.
 * @internal
 */
export function cronofyOAuth(s: ClientState): OAuth2Auth {
  const o = s.options;
  return createOAuth2Auth({
    provider: 'cronofy',
    clientId: o.clientId!,
    clientSecret: o.clientSecret!,
    clientAuth: 'post', // client_id + client_secret in the body (§2.2); no SDK uses Basic
    authorizationEndpoint: `${s.hosts.app}/oauth/authorize`,
    tokenEndpoint: `${s.hosts.api}/oauth/token`,
    revocationEndpoint: `${s.hosts.api}/oauth/token/revoke`,
    revokeTokenType: 'refresh_token', // docs recommend it: it cannot have expired (pycronofy#59)
    ...(s.tokens ? { tokens: s.tokens } : {}),
    ...(o.tokenStore ? { tokenStore: o.tokenStore } : {}),
    ...(o.storeKey ? { storeKey: o.storeKey } : {}),
    ...(o.fetch ? { fetch: o.fetch } : {}),
    onTokensRefreshed: async (tokens) => {
      s.tokens = tokens;
      await o.onTokensRefreshed?.(tokens);
    },
  });
}
