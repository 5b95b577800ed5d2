import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUT, TimeoutError } from '@cal/core';
import { settleAfter, silentFetch } from '@cal/testkit';
import { CronofyClient } from '@cal/cronofy';

// Core has no timeout of its own (like fetch); every provider applies DEFAULT_TIMEOUT (30 s) unless
// told otherwise. A server that never answers must surface as a TimeoutError after 30 s, not before.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

it('CronofyClient times out after 30 s by default', async () => {
  const r = await settleAfter(() => new CronofyClient({ accessToken: 't', fetch: silentFetch }).listCalendars(), DEFAULT_TIMEOUT, vi.advanceTimersByTimeAsync);
  expect(r).toMatchObject({ early: false, settled: true });
  expect(r.error).toBeInstanceOf(TimeoutError);
});
