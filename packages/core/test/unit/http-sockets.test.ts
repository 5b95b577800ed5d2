import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, NetworkError, readText, TimeoutError } from '@cal/core';
import { startServer } from '../helpers/http-server.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('behaviour over real sockets (node:http on port 0)', () => {
  it('a request that exceeds its timeout is a TimeoutError', async () => {
    const s = await startServer((_req, res) => void setTimeout(() => res.end('late'), 2000));
    close = s.close;
    const http = createHttpClient({ provider: 't', baseUrl: s.url, timeout: 100, retry: false });
    await expect(http.request('/')).rejects.toBeInstanceOf(TimeoutError);
  });

  it('slow headers within the timeout are fine', async () => {
    const s = await startServer((_req, res) => void setTimeout(() => res.end('ok'), 150));
    close = s.close;
    const http = createHttpClient({ provider: 't', baseUrl: s.url, timeout: 2000 });
    expect(await (await http.request('/')).text()).toBe('ok');
  });

  it('a connection reset mid-body is a NetworkError when the body is read', async () => {
    const s = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"partial":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    close = s.close;
    const http = createHttpClient({ provider: 't', baseUrl: s.url });
    const res = await http.request('/');
    await expect(readText(res, 't')).rejects.toBeInstanceOf(NetworkError);
    await expect(http.json('/')).rejects.toBeInstanceOf(NetworkError);
  });

  it('a refused connection is a NetworkError after retries', async () => {
    const s = await startServer(() => {});
    const url = s.url;
    await s.close();
    const http = createHttpClient({ provider: 't', baseUrl: url, retry: { limit: 1, baseDelay: 1 } });
    const e = await http.request('/').catch((x) => x);
    expect(e).toBeInstanceOf(NetworkError);
    expect(e.cause).toBeDefined();
  });

  it('429 with Retry-After then 200', async () => {
    let n = 0;
    const s = await startServer((_req, res) => {
      if (n++ === 0) {
        res.writeHead(429, { 'retry-after': '0' });
        res.end();
      } else res.end('{"ok":true}');
    });
    close = s.close;
    const http = createHttpClient({ provider: 't', baseUrl: s.url });
    expect(await http.json('/')).toEqual({ ok: true });
    expect(n).toBe(2);
  });

  it('a POST is not retried after a reset (it may have been applied)', async () => {
    let n = 0;
    const s = await startServer((req, _res) => {
      n++;
      req.socket.destroy();
    });
    close = s.close;
    const http = createHttpClient({ provider: 't', baseUrl: s.url, retry: { baseDelay: 1 } });
    await expect(http.request('/', { method: 'POST', body: 'x' })).rejects.toBeInstanceOf(NetworkError);
    expect(n).toBe(1);
  });
});
