import { startGraphSimulator, type GraphSimulator } from '@cal/testkit/graph';
import { GraphConnection, type GraphConnectionOptions } from '@cal/graph';

export const CLIENT = { clientId: 'graph-app', clientSecret: 'graph-secret' };
export const REDIRECT = 'http://127.0.0.1/callback';

export async function startSim(options: Parameters<typeof startGraphSimulator>[0] = {}): Promise<GraphSimulator> {
  return startGraphSimulator(options);
}

/** A connection pointed at the simulator (authority + API base), with no request delay. */
export function connect(sim: GraphSimulator, options: Partial<GraphConnectionOptions> = {}): GraphConnection {
  return new GraphConnection({
    ...CLIENT,
    authorityHost: sim.url,
    baseUrl: sim.baseUrl,
    redirectUri: REDIRECT,
    requestsDelay: 0,
    ...options,
  } as GraphConnectionOptions);
}

/** Runs the authorization-code flow against the simulator's auto-approving authorize endpoint. */
export async function authorize(con: GraphConnection, loginHint = 'user-1'): Promise<void> {
  const { url, state, codeVerifier } = await con.getAuthorizationUrl({ params: { login_hint: loginHint } });
  const res = await fetch(url, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (!location) throw new Error(`authorize did not redirect: ${res.status} ${await res.text()}`);
  await con.requestToken(location, { state, ...(codeVerifier ? { codeVerifier } : {}) });
}

/** A connection already holding tokens for `userId` (seeded without the HTTP dance). */
export async function signedIn(sim: GraphSimulator, userId = 'user-1', options: Partial<GraphConnectionOptions> = {}): Promise<GraphConnection> {
  const t = sim.issueToken(userId);
  return connect(sim, { tokens: { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: Date.now() + t.expiresIn * 1000 }, ...options });
}
