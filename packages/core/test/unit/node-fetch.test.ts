import { describe, expect, it, vi } from 'vitest';
import { ValidationError } from '@cal/core';
import { createNodeFetch, type UndiciModule } from '@cal/core/node';

function fakeUndici() {
  const made: { kind: string; options: Record<string, unknown> }[] = [];
  const calls: { input: unknown; init: Record<string, unknown> | undefined }[] = [];
  const mod: UndiciModule = {
    fetch: async (input, init) => {
      calls.push({ input, init });
      return new Response('ok');
    },
    Agent: class {
      constructor(options: Record<string, unknown> = {}) {
        made.push({ kind: 'Agent', options });
      }
    },
    ProxyAgent: class {
      constructor(options: Record<string, unknown>) {
        made.push({ kind: 'ProxyAgent', options });
      }
    },
  };
  return { mod, made, calls };
}

describe('createNodeFetch (@cal/core/node)', () => {
  it('without options it is the global fetch (undici never loaded)', async () => {
    const loader = vi.fn();
    const spy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('g'));
    const f = createNodeFetch({ undici: loader });
    expect(await (await f('http://127.0.0.1:1/x')).text()).toBe('g');
    expect(loader).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('proxy: O365-style settings → ProxyAgent with port 8080 default and Basic Proxy-Authorization', async () => {
    const u = fakeUndici();
    const f = createNodeFetch({ proxy: { server: 'proxy.corp', username: 'bob', password: 'pw:1' }, undici: u.mod });
    await f('https://graph.microsoft.com/v1.0/me', { headers: { a: 'b' } });
    expect(u.made).toHaveLength(1);
    expect(u.made[0]!.kind).toBe('ProxyAgent');
    expect(u.made[0]!.options).toMatchObject({ uri: 'http://proxy.corp:8080', token: `Basic ${btoa('bob:pw:1')}`, requestTls: { rejectUnauthorized: true } });
    expect(u.calls[0]!.input).toBe('https://graph.microsoft.com/v1.0/me');
    expect(u.calls[0]!.init).toMatchObject({ headers: { a: 'b' }, dispatcher: expect.any(Object) });
    await f('https://graph.microsoft.com/v1.0/me');
    expect(u.made).toHaveLength(1); // one dispatcher, reused
  });

  it('proxy URL with credentials: they move to the token, not the URI', async () => {
    const u = fakeUndici();
    await createNodeFetch({ proxy: 'http://alice:s%40cret@10.0.0.1:3128', undici: u.mod })('http://x.test/');
    expect(u.made[0]!.options).toMatchObject({ uri: 'http://10.0.0.1:3128', token: `Basic ${btoa('alice:s@cret')}` });
  });

  it('verifySsl: false and ca → Agent with connect TLS options', async () => {
    const u = fakeUndici();
    await createNodeFetch({ verifySsl: false, ca: '-----BEGIN CERTIFICATE-----', undici: async () => u.mod })('https://x.test/');
    expect(u.made[0]).toEqual({ kind: 'Agent', options: { connect: { rejectUnauthorized: false, ca: ['-----BEGIN CERTIFICATE-----'] } } });
  });

  it('Request objects are converted for undici (method, headers, body)', async () => {
    const u = fakeUndici();
    const f = createNodeFetch({ verifySsl: false, undici: u.mod });
    await f(new Request('https://x.test/a', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' }));
    const init = u.calls[0]!.init!;
    expect(u.calls[0]!.input).toBe('https://x.test/a');
    expect(init['method']).toBe('POST');
    expect(new TextDecoder().decode(init['body'] as ArrayBuffer)).toBe('{"a":1}');
    expect(init['headers']).toContainEqual(['content-type', 'application/json']);
  });

  it('undici missing → ValidationError naming the optional peer, on first use', async () => {
    const f = createNodeFetch({ proxy: 'http://p.test:1', undici: () => Promise.reject(new Error('Cannot find package')) });
    const err = await f('http://x.test/').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toContain('undici');
  });

  it('bad options → ValidationError before any request, password redacted', () => {
    let err: unknown;
    try {
      createNodeFetch({ proxy: 'ftp://u:topsecret@p.test' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect(() => createNodeFetch({ proxy: { server: '' } })).toThrow(ValidationError);
    expect(() => createNodeFetch({ verifySsl: 'no' as never })).toThrow(ValidationError);
    let err2: unknown;
    try {
      createNodeFetch({ proxy: { server: 'http://[bad', password: 'topsecret' } });
    } catch (e) {
      err2 = e;
    }
    expect(err2).toBeInstanceOf(ValidationError);
    expect(JSON.stringify({ ...(err2 as object), m: (err2 as Error).message })).not.toContain('topsecret');
  });
});
