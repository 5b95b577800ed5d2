import { afterEach, expect, it, vi } from 'vitest';
import { ms, scripted } from './fake-fetch.js';

// Rarely used features load through import() (src/on-demand.ts). A chunk that fails to load must be
// a typed NetworkError (not the loader's raw TypeError) and must not stay cached as a failure.
afterEach(() => {
  vi.doUnmock('../../src/on-demand-features.js');
  vi.resetModules();
});

it('a failing on-demand chunk is a NetworkError, and the next call loads it again', async () => {
  vi.resetModules();
  let fail = true;
  vi.doMock('../../src/on-demand-features.js', async (original) => {
    if (fail) throw new TypeError('Failed to fetch dynamically imported module');
    return original();
  });
  const { CalDAVClient, basic } = await import('@cal/caldav');
  const { NetworkError } = await import('@cal/core'); // the same module instance as the client's
  const s = scripted(() => ms(`<d:response><d:href>/cal/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><c:calendar/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`));
  const client = new CalDAVClient({ url: 'http://127.0.0.1:5232/', auth: basic('u', 'p'), fetch: s.fetch, retry: false });
  const err = await client.calendar('/cal/').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(NetworkError);
  expect(s.calls).toHaveLength(0); // nothing was sent
  fail = false;
  expect((await client.calendar('/cal/')).url).toBe('http://127.0.0.1:5232/cal/');
});
