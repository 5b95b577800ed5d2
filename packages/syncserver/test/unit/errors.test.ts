import { describe, expect, it } from 'vitest';
import * as core from '@cal/core';
import { ClientError, ConnectionError, NotAllowedError, NotFoundError, OCSSAPIError, ServerError, SyncServerAPI } from '../../src/index.js';

const OCSS = { OCSSAPIError, ConnectionError, ServerError, ClientError, NotFoundError, NotAllowedError } as const;
type Name = keyof typeof OCSS;

async function failWith(status: number): Promise<unknown> {
  const api = new SyncServerAPI(undefined, { retry: false, fetch: async () => new Response('nope', { status, headers: { 'retry-after': '3' } }) });
  return api.phones.vendors.size().catch((e: unknown) => e);
}

describe('status → OCSS kinds + core class (README table)', () => {
  it.each<[number, Name[], abstract new (...a: never[]) => core.CalError]>([
    [400, ['ClientError'], core.ValidationError],
    [401, ['ClientError', 'NotAllowedError'], core.AuthenticationError],
    [402, ['ClientError'], core.HttpError],
    [403, ['ClientError', 'NotAllowedError'], core.AuthenticationError],
    [404, ['ClientError', 'NotFoundError'], core.NotFoundError],
    [405, ['ClientError', 'NotAllowedError'], core.HttpError],
    [409, ['ClientError'], core.ConflictError],
    [410, ['ClientError', 'NotFoundError'], core.NotFoundError],
    [412, ['ClientError'], core.ConflictError],
    [422, ['ClientError'], core.ValidationError],
    [429, ['ClientError'], core.RateLimitError],
    [500, ['ServerError'], core.ServerError],
    [503, ['ServerError'], core.ServerError],
  ])('%i', async (status, kinds, coreClass) => {
    const err = await failWith(status);
    expect(err).toBeInstanceOf(coreClass);
    expect(core.isCalError(err)).toBe(true);
    expect(err).toBeInstanceOf(OCSSAPIError);
    for (const name of Object.keys(OCSS) as Name[]) {
      if (name === 'OCSSAPIError') continue;
      expect([name, err instanceof OCSS[name]]).toEqual([name, kinds.includes(name)]);
    }
    expect((err as core.CalError).status).toBe(status);
    expect((err as core.CalError).provider).toBe('syncserver');
  });

  it('fetch rejecting → ConnectionError + core NetworkError', async () => {
    const api = new SyncServerAPI(undefined, { retry: false, fetch: async () => Promise.reject(new TypeError('fetch failed')) });
    const err = await api.phones.vendors.size().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).toBeInstanceOf(core.NetworkError);
    expect(err).not.toBeInstanceOf(ClientError);
  });

  it('the OCSS classes are constructible and carry their kinds', () => {
    const e = new NotFoundError('x');
    expect(e).toBeInstanceOf(ClientError);
    expect(e).toBeInstanceOf(OCSSAPIError);
    expect(e).toBeInstanceOf(core.NotFoundError);
    expect(e.name).toBe('NotFoundError');
    const n = new NotAllowedError('y', { status: 405 });
    expect(n).toBeInstanceOf(ClientError);
    expect(n).not.toBeInstanceOf(NotFoundError);
    expect(new ServerError('z', { status: 502 }).statusCode).toBe(502);
    expect(new OCSSAPIError('w')).toBeInstanceOf(core.CalError);
    expect(new core.NotFoundError('plain core')).not.toBeInstanceOf(OCSSAPIError);
    expect({}).not.toBeInstanceOf(OCSSAPIError);
    expect(null).not.toBeInstanceOf(OCSSAPIError);
  });
});
