import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Prints the value of every name given as an argument, as `NAME=value\0`, after sourcing "$1". */
const PRINT_VARS = '. "$1" || exit 1; shift; for n; do printf "%s=%s\\0" "$n" "${!n}"; done';

/**
 * Reads a `NAME=value` file written by the start scripts (`server.env`, `cal.env`). The values are
 * shell-quoted with `printf %q`, so bash itself sources the file (in an empty environment) and prints
 * the values of the names assigned in it, NUL-separated: no hand-written unquoting to get wrong.
 * @param path - absolute path of the env file
 * @returns the variables assigned in the file
 * @public
 */
export async function readEnvFile(path: string): Promise<Record<string, string>> {
  const text = await readFile(path, 'utf8');
  const names = [...text.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1] ?? '').filter(Boolean);
  const { stdout } = await run('/usr/bin/env', ['-i', 'bash', '-c', PRINT_VARS, 'read-env', path, ...names], {
    maxBuffer: 1 << 20,
  });
  return parseNulEnv(stdout);
}

/** Parses `NAME=value\0...` into an object. */
function parseNulEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of text.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) out[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return out;
}
