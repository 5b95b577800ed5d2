import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

/**
 * The strongest "no handle left open" check: a separate Node process starts two servers, talks to them
 * over keep-alive (plus a request stuck in a slow-headers fault), closes them and must then exit on its
 * own — no process.exit(), no unref tricks.
 */
describe('close() leaves no open handles', () => {
  it('a child process exits by itself after close()', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-close-'));
    try {
      const bundle = join(dir, 'testkit.mjs');
      await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
      const script = join(dir, 'child.mjs');
      await writeFile(
        script,
        `import { createSimServer, createOAuthServer } from './testkit.mjs';
const a = await createSimServer();
const b = await createSimServer({ host: '127.0.0.2' });
a.route('GET', '/x', () => ({ body: { ok: true } }));
const oauth = createOAuthServer(b, { clients: [{ clientId: 'c', clientSecret: 's' }] });
for (let i = 0; i < 3; i++) await (await fetch(a.url + '/x')).json();
const t = await fetch(oauth.tokenUrl, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'c', client_secret: 's' }) });
if (t.status !== 200) throw new Error('token ' + t.status);
a.faults.add({ kind: 'slow-headers', delayMs: 600000 });
const stuck = fetch(a.url + '/x').catch(() => 'rejected');
await new Promise((r) => setTimeout(r, 50));
await Promise.all([a.close(), b.close()]);
console.log('closed', await stuck);
`,
      );
      const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | string>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve('still running after 5 s');
        }, 5000);
        child.on('exit', (c) => {
          clearTimeout(timer);
          resolve(c ?? -1);
        });
      });
      expect({ code, out: out.trim() }).toEqual({ code: 0, out: 'closed rejected' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
