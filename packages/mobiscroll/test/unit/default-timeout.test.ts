import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUT, TimeoutError } from '@cal/core';
import { settleAfter, silentFetch } from '@cal/testkit';
import { MobiscrollConnectClient } from '@cal/mobiscroll';

// Core has no timeout of its own (like fetch); every provider applies DEFAULT_TIMEOUT (30 s) unless
// told otherwise. A server that never answers must surface as a TimeoutError after 30 s, not before.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

const expectDefaultTimeout = async (start: () => Promise<unknown>) => {
  const r = await settleAfter(start, DEFAULT_TIMEOUT, vi.advanceTimersByTimeAsync);
  expect(r).toMatchObject({ early: false, settled: true });
  expect(r.error).toBeInstanceOf(TimeoutError);
};

it('MobiscrollConnectClient times out after 30 s by default', async () => {
  const client = new MobiscrollConnectClient({ clientId: 'id', clientSecret: 's', redirectUri: 'https://app/cb', fetch: silentFetch });
  await client.auth.setCredentials({ accessToken: 'a' });
  // events.list, not calendars.list: the latter first loads its code with import(), which takes real
  // time that fake timers cannot advance; the 30 s bound is the same for every request.
  await expectDefaultTimeout(() => client.events.list());
});
