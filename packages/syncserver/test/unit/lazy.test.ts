import { describe, expect, it } from 'vitest';
import * as core from '@cal/core';
import { ConnectionError, OCSSAPIError } from '../../src/index.js';
import { lazy } from '../../src/lazy.js';

describe('on-demand modules', () => {
  it('a failed load is a ConnectionError (core NetworkError), not cached, and retried on the next call', async () => {
    let calls = 0;
    const load = lazy(async () => {
      if (++calls === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { ok: true };
    });
    const err = await load().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).toBeInstanceOf(OCSSAPIError);
    expect(err).toBeInstanceOf(core.NetworkError);
    expect((err as Error).cause).toBeInstanceOf(TypeError);
    expect(await load()).toEqual({ ok: true });
    expect(await load()).toEqual({ ok: true });
    expect(calls).toBe(2);
  });
});
