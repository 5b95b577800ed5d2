import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Directory of this module, in the ESM build, the CJS build and under vitest (which runs `src/`).
 * `typeof __dirname` is safe in ESM (no ReferenceError); esbuild's CJS output has `__dirname`.
 */
function moduleDir(): string {
  if (typeof __dirname === 'string') return __dirname;
  return dirname(fileURLToPath(import.meta.url));
}

/**
 * Absolute path of the shell scripts directory (`packages/testkit/servers`, shipped in the package as
 * `servers/`). `CAL_TESTKIT_SERVERS_DIR` overrides it. The modules live in `src/servers/` (tests),
 * `src/` or `dist/` (published), so the first ancestor holding `servers/start-all.sh` wins.
 * @public
 */
export function serversScriptsDir(): string {
  const override = process.env['CAL_TESTKIT_SERVERS_DIR'];
  if (override) return resolve(override);
  let dir = moduleDir();
  for (let i = 0; i < 4; i += 1) {
    const candidate = join(dir, 'servers');
    if (existsSync(join(candidate, 'start-all.sh'))) return candidate;
    dir = dirname(dir);
  }
  // Fall back to the package layout; startServer() reports the missing script clearly.
  return resolve(moduleDir(), '..', '..', 'servers');
}
