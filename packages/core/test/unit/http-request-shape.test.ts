import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUT, TimeoutError, ValidationError, bearerAuth, createHttpClient, type FetchLike } from '@cal/core';

const BASE = 'https://api.example.com/v1/';
const ok = () => new Response('{}', { headers: { 'content-type': 'application/json' } });

/** A fetch that records its arguments as given (no Request wrapping), to check what core hands to fetch. */
function recordingFetch(respond: (url: string, init: RequestInit) => Promise<Response> = async () => ok()) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = (input, init = {}) => {
    calls.push({ url: String(input), init });
    return respond(String(input), init);
  };
  return { fetch, calls };
}

/** A fetch that hangs until its signal aborts, as a server that never answers. */
const hangingFetch: FetchLike = (_input, init) =>
  new Promise((_, reject) => {
    const signal = init?.signal;
    if (!signal) return; // no signal: hangs forever, which the tests below rule out
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

describe('what the pipeline hands to fetch', () => {
  it('passes no AbortSignal when neither a timeout nor a caller signal asks for one', async () => {
    // undici charges ~13 µs per request for following any signal (bench/core.bench.mjs).
    const { fetch, calls } = recordingFetch();
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch, auth: bearerAuth('t') });
    await http.json('events');
    expect(calls[0]!.init.signal).toBeUndefined();
    // GET and no body are fetch's defaults, so they are left out of the init.
    expect(calls[0]!.init.method).toBeUndefined();
    expect(calls[0]!.init.body).toBeUndefined();
    expect(calls[0]!.init.headers).toMatchObject({ authorization: 'Bearer t', accept: 'application/json' });
  });

  it('passes a signal for a timeout or a caller signal, and the method and body when they matter', async () => {
    const { fetch, calls } = recordingFetch();
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch });
    await http.json('a', { timeout: 5_000 });
    await http.json('b', { signal: new AbortController().signal });
    await http.json('c', { method: 'POST', body: { x: 1 } });
    expect(calls[0]!.init.signal).toBeInstanceOf(AbortSignal);
    expect(calls[1]!.init.signal).toBeInstanceOf(AbortSignal);
    expect(calls[2]!.init.method).toBe('POST');
    expect(new TextDecoder().decode(calls[2]!.init.body as ArrayBuffer)).toBe('{"x":1}');
  });

  it('has no timeout of its own (like fetch); DEFAULT_TIMEOUT is the 30 s every provider applies', async () => {
    expect(DEFAULT_TIMEOUT).toBe(30_000);
    vi.useFakeTimers();
    try {
      const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch: hangingFetch, retry: false, timeout: DEFAULT_TIMEOUT });
      const pending = http.json('slow');
      const assertion = expect(pending).rejects.toBeInstanceOf(TimeoutError);
      await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT);
      await assertion;
    } finally {
      vi.useRealTimers();
    }
  });

  it('resolves repeated paths to the same URL, and query strings per request', async () => {
    const { fetch, calls } = recordingFetch();
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch });
    await http.json('events');
    await http.json('events', { query: { page: 2 } });
    await http.json('events');
    await http.json('../other');
    await http.json('https://api.example.com/v1/events?x=1');
    expect(calls.map((c) => c.url)).toEqual([
      'https://api.example.com/v1/events',
      'https://api.example.com/v1/events?page=2',
      'https://api.example.com/v1/events',
      'https://api.example.com/other',
      'https://api.example.com/v1/events?x=1',
    ]);
  });

  it('a header value with CR/LF is a ValidationError before any request, and the value is not in the error', async () => {
    const { fetch, calls } = recordingFetch();
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch });
    const secret = 'abc\r\nx-injected: 1';
    const error = await http.json('x', { headers: { 'x-token': secret } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(JSON.stringify(error) + String(error)).not.toContain('abc');
    await expect(http.json('x', { headers: { 'bad name': 'v' } })).rejects.toBeInstanceOf(ValidationError);
    expect(calls).toHaveLength(0);
  });

  it('the origin guard still runs for every new origin after the base one was approved', async () => {
    const { fetch, calls } = recordingFetch();
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch, auth: bearerAuth('t') });
    await http.json('events');
    // Same prefix, different origin: the approval cache must not match it.
    await expect(http.json('https://api.example.com.evil.test/v1/events')).rejects.toMatchObject({ code: 'CAL_PROTOCOL' });
    await expect(http.json('https://api.example.com:8443/v1/events')).rejects.toMatchObject({ code: 'CAL_PROTOCOL' });
    expect(calls).toHaveLength(1);
  });

  it('http.fetch with a URL string passes no signal; a caller AbortSignal.timeout ends as TimeoutError', async () => {
    const { fetch, calls } = recordingFetch();
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch });
    const res = await http.fetch(`${BASE}x`, { method: 'PUT', body: 'b', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(200);
    expect(calls[0]!.init.signal).toBeUndefined();
    expect(calls[0]!.init.method).toBe('PUT');
    expect(calls[0]!.init.headers).toMatchObject({ 'content-type': 'text/plain' });

    const hanging = createHttpClient({ provider: 'p', baseUrl: BASE, fetch: hangingFetch, retry: false });
    await expect(hanging.request('x', { signal: AbortSignal.timeout(20) })).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe('per-request state', () => {
  it('a header named __proto__ is refused, not silently dropped', async () => {
    const { fetch, calls } = recordingFetch();
    const http = createHttpClient({ provider: 'p', baseUrl: BASE, fetch });
    await expect(http.json('x', { headers: { ['__proto__']: 'v' } as Record<string, string> })).rejects.toBeInstanceOf(ValidationError);
    expect(calls).toHaveLength(0);
  });

  it('an anonymous request carries no credentials, and meta.bag works when a middleware uses it', async () => {
    const { fetch, calls } = recordingFetch();
    const seen: unknown[] = [];
    const http = createHttpClient({
      provider: 'p', baseUrl: BASE, fetch, auth: bearerAuth('t'),
      middleware: [{ onRequest: ({ meta }) => void meta.bag.set('k', 1), onResponse: ({ meta }) => void seen.push(meta.bag.get('k'), meta.anonymous) }],
    });
    await http.json('a', { anonymous: true });
    await http.json('b');
    expect(calls[0]!.init.headers).not.toHaveProperty('authorization');
    expect(calls[1]!.init.headers).toMatchObject({ authorization: 'Bearer t' });
    expect(seen).toEqual([1, true, 1, false]);
  });
});
