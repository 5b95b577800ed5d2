// Size budgets: bundles each "typical small app" in bench/size/<pkg>.mjs for the browser with
// esbuild (minify, tree-shake, code splitting), gzips each chunk (level 9) and compares what the
// app loads up front with the budget. Report-only unless SIZE_STRICT=1.
import { build } from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const budgets = { core: 4, graph: 8, cronofy: 8, mobiscroll: 8, jmap: 10, syncserver: 10, caldav: 15 };
// `node scripts/size.mjs [--src] [--why] [pkg…]`: --src bundles the TypeScript sources instead of
// dist (no build needed), --why lists the largest inputs of the initial chunks.
const args = process.argv.slice(2);
const fromSrc = args.includes('--src');
const why = args.includes('--why');
const only = args.filter((a) => !a.startsWith('--'));
const srcPlugin = {
  name: 'cal-src',
  setup(b) {
    b.onResolve({ filter: /^@cal\/[a-z]+(\/[a-z0-9-]+)?$/ }, (a) => {
      const [, pkg, sub] = a.path.split('/');
      return { path: `${root}packages/${pkg}/src/${sub ?? 'index'}.ts` };
    });
  },
};
const rows = [];
let over = 0;
for (const [pkg, kb] of Object.entries(budgets)) {
  if (only.length && !only.includes(pkg)) continue;
  const entry = `${root}bench/size/${pkg}.mjs`;
  if (!existsSync(entry)) {
    rows.push([pkg, '—', '—', `${kb} KB`, 'no size app yet']);
    continue;
  }
  // Code splitting on, as every bundler does for `import()`: the budget applies to what the app
  // loads up front (the entry chunk and the chunks it imports statically). Code behind a dynamic
  // import (ical.js for recurrence expansion, the OAuth 2 flows) loads only when used; its size
  // is reported in its own column.
  const out = await build({
    entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false,
    absWorkingDir: `${root}bench`, logLevel: 'error', metafile: true, splitting: true, outdir: `${root}bench/.size-out`,
    plugins: fromSrc ? [srcPlugin] : [],
  });
  const files = new Map(out.outputFiles.map((f) => [f.path, f.contents]));
  const outputs = out.metafile.outputs;
  const abs = (p) => `${root}bench/${p}`;
  const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint);
  const initial = new Set();
  const visit = (k) => {
    if (initial.has(k)) return;
    initial.add(k);
    for (const i of outputs[k].imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(entryOut);
  const gzOf = (keys) => keys.reduce((n, k) => n + gzipSync(files.get(abs(k)), { level: 9 }).length, 0);
  const minOf = (keys) => keys.reduce((n, k) => n + files.get(abs(k)).length, 0);
  const jsOut = Object.keys(outputs).filter((k) => k.endsWith('.js'));
  const lazy = jsOut.filter((k) => !initial.has(k));
  const gz = gzOf([...initial]);
  if (why) {
    const inputs = {};
    for (const k of initial) for (const [i, v] of Object.entries(outputs[k].inputs)) inputs[i] = (inputs[i] ?? 0) + v.bytesInOutput;
    console.log(`\n${pkg}: largest inputs of the initial chunks (minified bytes)`);
    for (const [i, n] of Object.entries(inputs).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String(n).padStart(8), i.replace(/.*node_modules\//, ''));
  }
  const ok = gz <= kb * 1024;
  if (!ok) over++;
  rows.push([
    pkg,
    `${(minOf([...initial]) / 1024).toFixed(1)} KB`,
    `${(gz / 1024).toFixed(2)} KB`,
    `${kb} KB`,
    lazy.length ? `${(gzOf(lazy) / 1024).toFixed(2)} KB in ${lazy.length} chunk(s)` : '—',
    ok ? 'ok' : 'OVER BUDGET',
  ]);
}
console.log('| package | initial min | initial min+gzip | budget | loaded on demand (min+gzip) | |\n|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
mkdirSync(`${root}bench/results`, { recursive: true });
writeFileSync(`${root}bench/results/size.json`, JSON.stringify(rows, null, 2));
if (over) {
  console.error(`WARNING: ${over} package(s) over their size budget (see the table above)`);
  // Report-only until every package meets its budget; SIZE_STRICT=1 makes it fatal.
  if (process.env.SIZE_STRICT === '1') process.exit(1);

}
