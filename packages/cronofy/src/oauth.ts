import { createOAuth2Auth, type OAuth2Auth } from '@cal/core/oauth2';
import type { ClientState } from './client-state.js';

const auths = new WeakMap<ClientState, OAuth2Auth>();

/**
 * Core's OAuth 2 (oauth4webapi) configured for Cronofy, one per client, created on first use.
 * Part of the endpoints chunk (clients with `clientId` + `clientSecret` load it on their first
 * request); oauth4webapi itself loads only on the first token request.
 * @internal
 */
export function cronofyOAuth(s: ClientState): OAuth2Auth {
  let auth = auths.get(s);
  if (!auth) auths.set(s, (auth = createCronofyOAuth(s)));
  return auth;
}

/** The user-token strategy of an OAuth client: core's, keeping the client's token snapshot current. @internal */
export async function authorize(s: ClientState, request: Request): Promise<Request> {
  const auth = cronofyOAuth(s);
  const authorized = await auth.authorize(request);
  // tokens may come from the store: keep the sync snapshot (isAuthorizationExpired, tokens) current
  s.tokens = (await auth.getTokens()) ?? s.tokens;
  return authorized;
}

/** A 401 with the user token: one single-flight refresh (core's OAuth 2). @internal */
export async function onUnauthorized(s: ClientState, request: Request, response: Response): Promise<boolean> {
  return (await cronofyOAuth(s).onUnauthorized?.(request, response)) ?? false;
}

function createCronofyOAuth(s: ClientState): OAuth2Auth {
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
