/**
 * vitest globalSetup of the `integration` project (referenced by the root vitest.config.ts): starts the
 * real servers the integration suites need and exposes their URLs and credentials as `CAL_*`
 * variables, both in `process.env` (inherited by the test workers) and via `inject('calServers')`.
 *
 * - `CAL_SERVERS=radicale,cyrus` chooses the servers (default all four: radicale, xandikos, cyrus, redis).
 * - Every run gets a unique temporary data root and its own ports, so parallel runs do not collide.
 * - A server that fails to start fails the whole run with its log tail. Nothing is ever skipped.
 * - The returned teardown stops everything (vitest calls it after failing tests, too); an `exit`
 *   handler SIGTERMs the server PIDs if the process dies without a teardown.
 */
import type { TestProject } from 'vitest/node';
import { parseServerList } from './names.js';
import { startServers } from './start-servers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The `CAL_*` variables of the servers started by the integration globalSetup. */
    calServers: Record<string, string>;
  }
}

/** vitest globalSetup: starts the servers, returns the teardown that stops them. @internal */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const names = parseServerList(process.env['CAL_SERVERS']);
  const run = await startServers({ servers: names });
  Object.assign(process.env, run.env);
  project.provide('calServers', { ...run.env });

  const pids = run.servers.map((s) => Number(s.info['PID'])).filter((p) => Number.isInteger(p) && p > 0);
  const killOnExit = (): void => {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', killOnExit);
  const detail = run.servers.map((s) => `${s.name} ${s.startMs} ms`).join(', ');
  console.log(`[@cal/testkit] started ${names.join(', ')} in ${run.startMs} ms (${detail}); data ${run.dataRoot}`);

  return async () => {
    await run.stop();
    process.off('exit', killOnExit);
    for (const key of Object.keys(run.env)) delete process.env[key];
  };
}
