import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ValidationError } from '@cal/core';
import { readEnvFile } from './env-file.js';
import { isServerName, type ServerName } from './names.js';
import { runScript, tail } from './run-script.js';
import { serversScriptsDir } from './scripts-dir.js';
import { serverStartError } from './start-error.js';
import type { RunningServer, StartServerOptions } from './types.js';

/** The server's own log inside its data dir: the first place to look when it does not come up. */
const LOG_FILE: Record<ServerName, string> = {
  radicale: 'radicale.log',
  xandikos: 'xandikos.log',
  cyrus: 'master.log',
  redis: 'redis.log',
};

/** Maps the generic credential options onto each start script's own variables. */
function credentialEnv(name: ServerName, opts: StartServerOptions): Record<string, string> {
  const user = opts.user ?? 'test';
  const pass = opts.password;
  switch (name) {
    case 'radicale':
      return { RADICALE_USER: user, RADICALE_PASS: pass ?? 'test' };
    case 'xandikos':
      return { XANDIKOS_USER: user, XANDIKOS_PASS: pass ?? 'test' };
    case 'cyrus':
      return {
        // A second account lets scheduling tests send an invitation from one user to another.
        CYRUS_USERS: `${user}:${pass ?? 'test'} ${user}2:${pass ?? 'test'}2`,
        ...(opts.imapPort !== undefined ? { CYRUS_IMAP_PORT: String(opts.imapPort) } : {}),
      };
    case 'redis':
      return pass !== undefined ? { REDIS_PASS: pass } : {};
  }
}

async function fileTail(path: string, lines: number): Promise<string> {
  try {
    return tail(await readFile(path, 'utf8'), lines);
  } catch {
    return '(no log file)';
  }
}

/**
 * Starts one real server on 127.0.0.1 with `servers/start-<name>.sh`, waits until it answers and
 * returns its `CAL_*` variables. Installs missing Debian packages first (as root; see `install.sh`).
 *
 * @example
 * ```ts
 * const radicale = await startServer('radicale', { dataDir: '/tmp/my-run/radicale' });
 * await fetch(radicale.env.CAL_RADICALE_URL!, { method: 'PROPFIND', headers: { Depth: '0', … } });
 * await radicale.stop({ purge: true });
 * ```
 * @throws ValidationError for an unknown name or a bad port, before anything is started.
 * @throws CalError (code `CAL_TESTKIT_SERVER_START`, exported as `SERVER_START_FAILED`) with the script output and the server log tail when
 *   the server does not come up; nothing is left running then.
 * @public
 */
export async function startServer(name: ServerName, opts: StartServerOptions): Promise<RunningServer> {
  if (!isServerName(name)) {
    throw new ValidationError(`Unknown server "${String(name)}"`, {
      provider: 'testkit',
      details: [{ field: 'name', key: 'invalid', description: 'expected radicale, xandikos, cyrus or redis' }],
    });
  }
  for (const [field, port] of [['port', opts.port], ['imapPort', opts.imapPort]] as const) {
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
      throw new ValidationError(`Invalid ${field} ${String(port)}`, {
        provider: 'testkit',
        details: [{ field, key: 'invalid', description: 'expected an integer 0-65535 (0 = free port)' }],
      });
    }
  }
  if (!opts.dataDir) {
    throw new ValidationError('startServer needs a dataDir', {
      provider: 'testkit',
      details: [{ field: 'dataDir', key: 'required', description: 'a fresh directory for this instance' }],
    });
  }
  const dataDir = resolve(opts.dataDir);
  const dir = serversScriptsDir();
  const script = join(dir, `start-${name}.sh`);
  if (!existsSync(script)) {
    throw serverStartError(`Start script not found: ${script} (set CAL_TESTKIT_SERVERS_DIR?)`);
  }
  await mkdir(dataDir, { recursive: true });
  const timeoutMs = opts.timeoutMs ?? 300_000;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...credentialEnv(name, opts),
    ...opts.env,
    START_TIMEOUT: String(Math.max(5, Math.ceil(timeoutMs / 1000))),
  };
  const run = await runScript(script, [String(opts.port ?? 0), dataDir], env, timeoutMs);
  const stop = makeStop(name, dir, dataDir);
  if (run.code !== 0) {
    await stop(); // the scripts clean up after themselves, but a killed script could not
    const why = run.timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${run.code ?? run.signal}`;
    throw serverStartError(
      `${name} failed to start (${why}).\n--- start-${name}.sh output:\n${tail(run.output, 40)}\n` +
        `--- ${join(dataDir, LOG_FILE[name])} (tail):\n${await fileTail(join(dataDir, LOG_FILE[name]), 30)}`,
    );
  }
  const [calEnv, info] = await Promise.all([
    readEnvFile(join(dataDir, 'cal.env')),
    readEnvFile(join(dataDir, 'server.env')),
  ]);
  return { name, dataDir, env: calEnv, info, startMs: Math.round(run.ms), stop };
}

/** `stop()` of one server: runs `stop-<name>.sh` once; later calls wait for the same run. */
function makeStop(name: ServerName, dir: string, dataDir: string): RunningServer['stop'] {
  let stopping: Promise<void> | undefined;
  return async (options) => {
    stopping ??= runScript(join(dir, `stop-${name}.sh`), [dataDir], process.env, 30_000).then(() => undefined);
    await stopping;
    if (options?.purge) await rm(dataDir, { recursive: true, force: true });
  };
}
