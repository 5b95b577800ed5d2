import { MemoryTokenStore, MobiscrollConnectClient, type MobiscrollConnectOptions } from '@cal/mobiscroll';
import type { MobiscrollSimulator } from '@cal/testkit/mobiscroll';

/** A client pointed at the simulator, with its own token store. */
export function clientFor(sim: MobiscrollSimulator, extra: Partial<MobiscrollConnectOptions> = {}) {
  const tokenStore = new MemoryTokenStore();
  const client = new MobiscrollConnectClient({ ...sim.client, baseUrl: sim.baseUrl, tokenStore, retry: { baseDelay: 1, maxDelay: 5 }, ...extra });
  return { client, tokenStore };
}

/** Runs the browser leg of the OAuth flow: GET authorize → 302 → code. */
export async function authorizeCode(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (!location) throw new Error(`authorize answered ${res.status}`);
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return code;
}

/** A signed-in client (tokens issued directly, optionally with a scope). */
export async function signedIn(sim: MobiscrollSimulator, scope: 'free-busy' | 'read' | 'read-write' = 'read-write', extra: Partial<MobiscrollConnectOptions> = {}) {
  const c = clientFor(sim, extra);
  const t = sim.issueTokens('user-1', scope);
  await c.client.auth.setCredentials(t);
  return c;
}

export const thisMonth = () => {
  const n = new Date();
  return { start: new Date(Date.UTC(n.getUTCFullYear(), n.getUTCMonth(), 1)), end: new Date(Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + 1, 1)) };
};
