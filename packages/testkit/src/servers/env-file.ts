import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Variables that bash itself adds to an `env -i` environment; not part of the file. */
const BASH_OWN = new Set(['PWD', 'SHLVL', '_', 'OLDPWD']);

/**
 * Reads a `NAME=value` file written by the start scripts (`server.env`, `cal.env`). The values are
 * shell-quoted with `printf %q`, so bash itself parses the file (in an empty environment) and prints
 * the result NUL-separated: no hand-written unquoting to get wrong.
 * @param path - absolute path of the env file
 * @returns the variables defined in the file
 * @public
 */
export async function readEnvFile(path: string): Promise<Record<string, string>> {
  const { stdout } = await run('/usr/bin/env', ['-i', 'bash', '-c', 'set -a; . "$1"; env -0', 'read-env', path], {
    maxBuffer: 1 << 20,
  });
  return parseNulEnv(stdout);
}

/**
 * Parses `env -0` output (`NAME=value\0...`) into an object, without bash's own variables.
 * @public
 */
export function parseNulEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of text.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    const name = entry.slice(0, eq);
    if (BASH_OWN.has(name)) continue;
    out[name] = entry.slice(eq + 1);
  }
  return out;
}
