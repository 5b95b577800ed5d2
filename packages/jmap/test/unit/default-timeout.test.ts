import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUT, TimeoutError } from '@cal/core';
import { settleAfter, silentFetch } from '@cal/testkit';
import { createJMAPClient } from '@cal/jmap';

// Core has no timeout of its own (like fetch); every provider applies DEFAULT_TIMEOUT (30 s) unless
// told otherwise. A server that never answers must surface as a TimeoutError after 30 s, not before.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

it('the JMAP client times out after 30 s by default', async () => {
  const r = await settleAfter(() => createJMAPClient({ url: 'https://jmap.example.com/jmap/', username: 'u', password: 'p', fetch: silentFetch }).getCalendars(), DEFAULT_TIMEOUT, vi.advanceTimersByTimeAsync);
  expect(r).toMatchObject({ early: false, settled: true });
  expect(r.error).toBeInstanceOf(TimeoutError);
});
