// `pnpm bench`: builds the packages, then runs every bench/*.bench.mjs in turn (each prints its
// own table and writes bench/results/<name>.json). Benchmarks talk only to loopback servers.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], { stdio: 'inherit', cwd: `${dir}..` });
let failed = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.mjs')).sort()) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  console.log(`\n# ${file}`);
  const r = spawnSync(process.execPath, ['--expose-gc', `${dir}${file}`], { stdio: 'inherit', cwd: dir });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
