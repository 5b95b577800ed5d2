import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUT, TimeoutError } from '@cal/core';
import { settleAfter, silentFetch } from '@cal/testkit';
import { GraphConnection, createGraphApi, calendarView } from '@cal/graph';

// Core has no timeout of its own (like fetch); every provider applies DEFAULT_TIMEOUT (30 s) unless
// told otherwise. A server that never answers must surface as a TimeoutError after 30 s, not before.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

const expectDefaultTimeout = async (start: () => Promise<unknown>) => {
  const r = await settleAfter(start, DEFAULT_TIMEOUT, vi.advanceTimersByTimeAsync);
  expect(r).toMatchObject({ early: false, settled: true });
  expect(r.error).toBeInstanceOf(TimeoutError);
};

it('createGraphApi times out after 30 s by default', async () => {
  const api = createGraphApi({ accessToken: 't', fetch: silentFetch });
  await expectDefaultTimeout(() => calendarView(api, { start: new Date(0), end: new Date(864e5) })[Symbol.asyncIterator]().next());
});

it('GraphConnection times out after 30 s by default', async () => {
  const tokens = { accessToken: 'a', refreshToken: 'r', expiresAt: Date.now() + 3_600_000 };
  const con = new GraphConnection({ clientId: 'id', clientSecret: 's', tokens, fetch: silentFetch });
  await expectDefaultTimeout(() => con.get('me/events'));
});
