import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSyncServerSimulator, type SyncServerSimulator } from '@cal/testkit/syncserver';
import { SyncServerAPI, SyncServerAuth, type SyncServerOptions } from '../../src/index.js';

/** One simulator per file; state reset before each test. */
export function useSimulator(): { sim: () => SyncServerSimulator; api: (opts?: SyncServerOptions & { user?: 0 | 1 }) => SyncServerAPI; anon: () => SyncServerAPI } {
  let s: SyncServerSimulator;
  beforeAll(async () => {
    s = await startSyncServerSimulator();
  });
  afterAll(async () => {
    await s.close();
  });
  beforeEach(() => s.reset());
  return {
    sim: () => s,
    api: ({ user = 0, ...opts } = {}) => {
      const c = s.credentials[user]!;
      return new SyncServerAPI(new SyncServerAuth(c.consumerKey, c.consumerSecret, c.accessKey, c.accessSecret), { baseUrl: s.url, retry: false, ...opts });
    },
    anon: () => new SyncServerAPI(undefined, { baseUrl: s.url, retry: false }),
  };
}
