import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUT, TimeoutError, type FetchLike } from '@cal/core';

// Core has no timeout of its own (like fetch); every provider applies DEFAULT_TIMEOUT (30 s) unless
// told otherwise. A server that never answers must surface as a TimeoutError after 30 s.
const hanging: FetchLike = (_input, init) =>
  new Promise((_, reject) => {
    const signal = init?.signal ?? (_input instanceof Request ? _input.signal : undefined);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

async function expectDefaultTimeout(start: () => Promise<unknown>): Promise<void> {
  const pending = start();
  const assertion = expect(pending).rejects.toBeInstanceOf(TimeoutError);
  await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT - 1);
  let settled = false;
  void pending.catch(() => undefined).finally(() => (settled = true));
  await vi.advanceTimersByTimeAsync(0);
  expect(settled).toBe(false); // not before 30 s
  await vi.advanceTimersByTimeAsync(1);
  await assertion;
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());
import { MobiscrollConnectClient } from '@cal/mobiscroll';

it('MobiscrollConnectClient times out after 30 s by default', async () => {
  const client = new MobiscrollConnectClient({ clientId: 'id', clientSecret: 's', redirectUri: 'https://app/cb', fetch: hanging });
  await client.auth.setCredentials({ accessToken: 'a' });
  // events.list, not calendars.list: the latter first loads its code with import(), which takes real
  // time that fake timers cannot advance; the 30 s bound is the same for every request.
  await expectDefaultTimeout(() => client.events.list());
});
