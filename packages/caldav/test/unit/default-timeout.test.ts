import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUT, TimeoutError, type FetchLike } from '@cal/core';
import { settleAfter, silentFetch } from '@cal/testkit';
import { CalDAVClient, basic } from '@cal/caldav';

// Core has no timeout of its own (like fetch); every provider applies DEFAULT_TIMEOUT (30 s) unless
// told otherwise. A server that never answers must surface as a TimeoutError after 30 s, not before.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

it('CalDAVClient times out after 30 s by default', async () => {
  const r = await settleAfter(() => new CalDAVClient({ url: 'https://dav.example.com/', auth: basic('u', 'p'), fetch: silentFetch }).principal(), DEFAULT_TIMEOUT, vi.advanceTimersByTimeAsync);
  expect(r).toMatchObject({ early: false, settled: true });
  expect(r.error).toBeInstanceOf(TimeoutError);
});

it('discovery stops at a dead connection instead of probing the next URL', async () => {
  const urls: string[] = [];
  const refused: FetchLike = async (input) => {
    urls.push(input instanceof Request ? input.url : String(input));
    throw new TypeError('fetch failed');
  };
  const error = await new CalDAVClient({ url: 'https://dav.example.com/', auth: basic('u', 'p'), fetch: refused, retry: false }).principal().catch((e: unknown) => e);
  expect((error as Error).name).toBe('NetworkError');
  expect(urls).toEqual(['https://dav.example.com/']);
});
