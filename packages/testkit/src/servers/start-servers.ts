import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ValidationError } from '@cal/core';
import { isServerName, parseServerList, type ServerName } from './names.js';
import { reservePorts } from './ports.js';
import { startServer } from './start-server.js';
import { serverStartError } from './start-error.js';
import type { RunningServer, RunningServers, StartServersOptions } from './types.js';

/**
 * Starts several real servers in parallel, each in `<dataRoot>/<name>` on its own free loopback port,
 * and returns their merged `CAL_*` variables. With the packages installed all four are up in about
 * one second (Cyrus is the slowest, ≈0.5 s).
 *
 * Two runs at the same time do not collide: each gets its own temporary data root and its own ports.
 * If any server fails, the others are stopped again and the error carries every failure's log tail.
 *
 * @example
 * ```ts
 * const run = await startServers({ servers: ['radicale', 'cyrus'] });
 * try { console.log(run.env.CAL_CYRUS_JMAP_URL) } finally { await run.stop() }
 * ```
 * @throws ValidationError for an unknown server name, before anything is started.
 * @throws CalError (code `CAL_TESTKIT_SERVER_START`, exported as `SERVER_START_FAILED`) when a server does not come up.
 * @public
 */
export async function startServers(opts: StartServersOptions = {}): Promise<RunningServers> {
  const names = selectServers(opts.servers);
  const tempRoot = opts.dataRoot === undefined;
  const dataRoot = tempRoot ? await mkdtemp(join(tmpdir(), 'cal-servers-')) : resolve(opts.dataRoot ?? '');
  await mkdir(dataRoot, { recursive: true });
  // Cyrus runs as the `cyrus` user and must traverse the root to reach <root>/cyrus; mkdtemp gives 0700.
  await chmod(dataRoot, (await stat(dataRoot)).mode | 0o001);
  const removeRoot = tempRoot && !opts.keepData;

  const t0 = performance.now();
  // Reserve every port at once (distinct by construction) instead of letting each script race for one.
  const ports = await reservePorts(names.length + (names.includes('cyrus') ? 1 : 0));
  const results = await Promise.allSettled(
    names.map((name, i) =>
      startServer(name, {
        dataDir: join(dataRoot, name),
        port: ports[i] ?? 0,
        ...(name === 'cyrus' ? { imapPort: ports[names.length] ?? 0 } : {}),
        ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      }),
    ),
  );
  const startMs = Math.round(performance.now() - t0);
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await Promise.all(started.map((s) => s.stop()));
      if (removeRoot) await rm(dataRoot, { recursive: true, force: true });
    })());

  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length > 0) {
    await stop();
    const text = failures.map((f) => (f instanceof Error ? f.message : String(f))).join('\n\n');
    throw serverStartError(`Real servers failed to start (data root ${dataRoot}):\n${text}`, failures[0]);
  }

  const env: Record<string, string> = { CAL_SERVERS_DATA_ROOT: dataRoot };
  for (const s of started) Object.assign(env, s.env);
  return { env, dataRoot, servers: started satisfies RunningServer[], startMs, stop };
}

function selectServers(servers: readonly ServerName[] | undefined): ServerName[] {
  if (servers === undefined) return parseServerList(process.env['CAL_SERVERS']);
  const bad = servers.filter((s) => !isServerName(s));
  if (bad.length > 0 || servers.length === 0) {
    throw new ValidationError(`Invalid server list: ${JSON.stringify(servers)}`, {
      provider: 'testkit',
      details: [{ field: 'servers', key: 'invalid', description: 'a non-empty list of radicale, xandikos, cyrus, redis' }],
    });
  }
  return [...new Set(servers)];
}
