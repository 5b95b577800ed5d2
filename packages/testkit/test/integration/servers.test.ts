/**
 * The real servers started by the integration globalSetup answer, with real authentication.
 * Runs only the checks for the servers in CAL_SERVERS (default: all four); never skips one that is
 * selected, and serverEnv() throws if a selected server's variables are missing.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import {
  SERVER_START_FAILED,
  indexCyrus,
  parseServerList,
  serverEnv,
  startServer,
  startServers,
} from '../../src/servers.js';

const selected = parseServerList(process.env['CAL_SERVERS']);

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:current-user-principal/></d:prop></d:propfind>';

function basic(user: string, pass: string): string {
  return `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
}

async function propfind(url: string, user: string, pass: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, {
    method: 'PROPFIND',
    headers: { Authorization: basic(user, pass), Depth: '0', 'Content-Type': 'application/xml; charset=utf-8' },
    body: PROPFIND_BODY,
  });
  return { status: res.status, body: await res.text() };
}

/** Sends one RESP command over a raw socket and returns the first reply line. */
function redisCommand(url: string, ...args: string[]): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sock = connect({ host: hostname, port: Number(port) });
    let data = '';
    sock.setTimeout(5000, () => sock.destroy(new Error('redis: no reply within 5 s')));
    sock.on('connect', () => {
      sock.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
    });
    sock.on('data', (chunk) => {
      data += chunk.toString('utf8');
      const end = data.indexOf('\r\n');
      if (end >= 0) {
        sock.end();
        resolve(data.slice(0, end));
      }
    });
    sock.on('error', reject);
  });
}

describe('integration globalSetup', () => {
  it('provides the same CAL_* variables via inject() and process.env', () => {
    const provided = inject('calServers');
    expect(provided['CAL_SERVERS_DATA_ROOT']).toBeTruthy();
    for (const [k, v] of Object.entries(provided)) expect(process.env[k], k).toBe(v);
  });
});

describe.runIf(selected.includes('radicale'))('Radicale', () => {
  it('PROPFIND: 207 with the right credentials, 401 with wrong ones', async () => {
    const { url, user, pass } = serverEnv('radicale');
    const ok = await propfind(url, user, pass);
    expect(ok.status).toBe(207);
    expect(ok.body).toContain(`/${user}/`); // current-user-principal = /USER/ (servers.md A.2)
    expect((await propfind(url, user, `${pass}-wrong`)).status).toBe(401);
  });
});

describe.runIf(selected.includes('xandikos'))('Xandikos (Basic-auth wrapper)', () => {
  it('PROPFIND: 207 with the right credentials, 401 with wrong ones', async () => {
    const { url, user, pass } = serverEnv('xandikos');
    const ok = await propfind(url, user, pass);
    expect(ok.status).toBe(207);
    expect(ok.body).toContain(`/${user}/`);
    // the stock xandikos CLI would answer 207 here: the wrapper is what makes this 401
    expect((await propfind(url, user, `${pass}-wrong`)).status).toBe(401);
  });
});

describe.runIf(selected.includes('cyrus'))('Cyrus 3.10', () => {
  it('CalDAV PROPFIND: 207 with the right credentials, 401 with wrong ones', async () => {
    const { davUrl, user, pass } = serverEnv('cyrus');
    const ok = await propfind(davUrl, user, pass);
    expect(ok.status).toBe(207);
    expect(ok.body).toContain(`/dav/principals/user/${user}/`);
    expect((await propfind(davUrl, user, `${pass}-wrong`)).status).toBe(401);
  });

  it('JMAP session lists urn:ietf:params:jmap:calendars; wrong credentials get 401', async () => {
    const { jmapUrl, jmapCapability, user, pass } = serverEnv('cyrus');
    const res = await fetch(jmapUrl, { headers: { Authorization: basic(user, pass) } });
    expect(res.status).toBe(200);
    const session = (await res.json()) as { capabilities: Record<string, unknown>; apiUrl: string };
    expect(Object.keys(session.capabilities)).toContain('urn:ietf:params:jmap:calendars');
    expect(jmapCapability).toBe('urn:ietf:params:jmap:calendars');
    // apiUrl is relative ("/jmap/", servers.md C.2): resolve it against the session URL
    expect(new URL(session.apiUrl, jmapUrl).origin).toBe(new URL(jmapUrl).origin);
    const bad = await fetch(jmapUrl, { headers: { Authorization: basic(user, `${pass}-wrong`) } });
    expect(bad.status).toBe(401);
  });

  it('.well-known/jmap redirects to the session', async () => {
    const { url, user, pass } = serverEnv('cyrus');
    const res = await fetch(`${url}/.well-known/jmap`, { headers: { Authorization: basic(user, pass) }, redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(new URL(res.headers.get('location') ?? '', url).pathname).toMatch(/^\/jmap\/?$/);
  });

  it('exposes an index command for eventually-consistent search (indexCyrus runs it)', async () => {
    const { indexCmd } = serverEnv('cyrus');
    expect(indexCmd).toMatch(/squatter .*-i -u$/);
    await expect(indexCyrus()).resolves.toBeUndefined();
  });
});

describe.runIf(selected.includes('redis'))('Redis', () => {
  it('answers PING over a raw socket', async () => {
    const { url } = serverEnv('redis');
    expect(await redisCommand(url, 'PING')).toBe('+PONG');
  });
});

describe('programmatic API', () => {
  it('startServers runs a second, independent instance in its own temp root and stop() removes it', async () => {
    const run = await startServers({ servers: ['redis'] });
    try {
      expect(run.env['CAL_REDIS_URL']).not.toBe(process.env['CAL_REDIS_URL']);
      expect(await redisCommand(run.env['CAL_REDIS_URL'] ?? '', 'PING')).toBe('+PONG');
    } finally {
      await run.stop();
    }
    expect(existsSync(run.dataRoot)).toBe(false);
  });

  it('a server that cannot start fails loudly with its log tail, and leaves nothing running', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cal-fail-'));
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const err: unknown = await startServer('radicale', { dataDir, port, timeoutMs: 20_000 }).catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'CalError', code: SERVER_START_FAILED });
      // the port clash is in the server's own log, which the error quotes
      expect((err as Error).message).toMatch(/radicale failed to start[\s\S]*(in use|Address already)/i);
      expect(existsSync(join(dataDir, 'radicale.pid'))).toBe(false);
    } finally {
      blocker.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
