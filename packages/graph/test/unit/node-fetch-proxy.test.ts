/**
 * `@cal/core/node` createNodeFetch with a REAL undici (a devDependency here) against local servers:
 * a CONNECT proxy with Basic auth in front of the Graph simulator, and a self-signed HTTPS server for
 * verifySsl / ca.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect as netConnect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError } from '@cal/core';
import { createNodeFetch, type UndiciModule } from '@cal/core/node';
import { startGraphSimulator, type GraphSimulator } from '@cal/testkit/graph';
import { GraphConnection } from '@cal/graph';

const undici = () => import('undici') as unknown as Promise<UndiciModule>;
const listen = (s: Server) => new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.address() as AddressInfo).port)));
const close = (s: Server) => new Promise<void>((r) => { s.closeAllConnections?.(); s.close(() => r()); });

let sim: GraphSimulator;
let proxy: Server;
let proxyPort: number;
const connects: { target: string; auth: string | undefined }[] = [];

beforeAll(async () => {
  sim = await startGraphSimulator();
  proxy = createHttpServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, socket, head) => {
    connects.push({ target: req.url ?? '', auth: req.headers['proxy-authorization'] });
    if (req.headers['proxy-authorization'] !== `Basic ${btoa('bob:pa ss')}`) {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = netConnect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  proxyPort = await listen(proxy);
});
afterAll(async () => {
  await close(proxy);
  await sim.close();
});

describe('createNodeFetch with real undici', () => {
  it('GraphConnection through an authenticating CONNECT proxy (O365 proxy_* options)', async () => {
    const t = sim.issueToken('user-1');
    const con = new GraphConnection({
      clientId: 'graph-app',
      clientSecret: 'graph-secret',
      baseUrl: sim.baseUrl,
      authorityHost: sim.url,
      requestsDelay: 0,
      tokens: { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: Date.now() + 3_600_000 },
      fetch: createNodeFetch({ proxy: { server: '127.0.0.1', port: proxyPort, username: 'bob', password: 'pa ss' }, undici }),
    });
    const me = await (await con.get('me')).json();
    expect(me.id).toBe('user-1');
    expect(connects.at(-1)).toEqual({ target: new URL(sim.url).host, auth: `Basic ${btoa('bob:pa ss')}` });
  });

  it('wrong proxy credentials → NetworkError without the password', async () => {
    const con = new GraphConnection({
      clientId: 'graph-app', clientSecret: 'graph-secret', baseUrl: sim.baseUrl, authorityHost: sim.url, requestsDelay: 0, requestRetries: 0,
      tokens: { accessToken: 'x', expiresAt: Date.now() + 3_600_000 },
      fetch: createNodeFetch({ proxy: { server: '127.0.0.1', port: proxyPort, username: 'bob', password: 'wrong-pw' }, undici }),
    });
    const err = (await con.get('me').catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(NetworkError);
    expect(JSON.stringify({ ...err, m: err.message })).not.toContain('wrong-pw');
  });

  describe('TLS: verifySsl and ca', () => {
    let https: Server;
    let url: string;
    let cert: string;
    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cal-tls-'));
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem')], { stdio: 'ignore' });
      cert = readFileSync(join(dir, 'c.pem'), 'utf8');
      https = createHttpsServer({ key: readFileSync(join(dir, 'k.pem')), cert }, (_req, res) => res.end('secure'));
      url = `https://127.0.0.1:${await listen(https)}/`;
    });
    afterAll(() => close(https));

    it('default verifies and refuses a self-signed certificate', async () => {
      await expect(createNodeFetch({ verifySsl: true, ca: [], undici })(url)).rejects.toThrow();
    });
    it('verifySsl: false accepts it', async () => {
      expect(await (await createNodeFetch({ verifySsl: false, undici })(url)).text()).toBe('secure');
    });
    it('ca: trusting the certificate works with verification on', async () => {
      expect(await (await createNodeFetch({ ca: cert, undici })(url)).text()).toBe('secure');
    });
  });
});
