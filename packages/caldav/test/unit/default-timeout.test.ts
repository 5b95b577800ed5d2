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
import { CalDAVClient, basic } from '@cal/caldav';

it('CalDAVClient times out after 30 s by default', async () => {
  await expectDefaultTimeout(() => new CalDAVClient({ url: 'https://dav.example.com/', auth: basic('u', 'p'), fetch: hanging }).principal());
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
