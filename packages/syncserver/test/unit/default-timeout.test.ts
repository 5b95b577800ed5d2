import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUT, TimeoutError } from '@cal/core';
import { settleAfter, silentServer } from '@cal/testkit';
import { SyncServerAPI, SyncServerAuth } from '@cal/syncserver';

// Core has no timeout of its own (like fetch); every provider applies DEFAULT_TIMEOUT (30 s) unless
// told otherwise. A server that never answers must surface as a TimeoutError after 30 s, not before.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

it('SyncServerAPI times out after 30 s by default', async () => {
  // OAuth 1.0 signing (WebCrypto) runs in real time before the request, so wait for it.
  const server = silentServer();
  const api = new SyncServerAPI(new SyncServerAuth('ck', 'cs', 'ak', 'as'), { fetch: server.fetch });
  const r = await settleAfter(() => api.clients.datastore.get('x'), DEFAULT_TIMEOUT, vi.advanceTimersByTimeAsync, server.requested);
  expect(r).toMatchObject({ early: false, settled: true });
  expect(r.error).toBeInstanceOf(TimeoutError);
});
