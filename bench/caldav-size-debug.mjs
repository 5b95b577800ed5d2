// Where the caldav size app's bytes go: same esbuild settings as scripts/size.mjs (--src), but it
// prints every output chunk with its static/dynamic imports and gzip size, so a lazily loaded
// module that drags shared helpers into an extra initial chunk shows up at once.
//   node bench/caldav-size-debug.mjs [--core=<dir with packages/core/src>]  (e.g. an older core
//   exported with `git archive <rev> packages/core/src | tar -x -C /tmp/x`, to separate our gains from core's)
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const coreArg = process.argv.find((a) => a.startsWith('--core='));
const coreRoot = coreArg ? `${coreArg.slice(7).replace(/\/$/, '')}/` : root;
const srcPlugin = {
  name: 'cal-src',
  setup(b) {
    b.onResolve({ filter: /^@cal\/[a-z]+(\/[a-z0-9-]+)?$/ }, (a) => {
      const [, pkg, sub] = a.path.split('/');
      return { path: `${pkg === 'core' ? coreRoot : root}packages/${pkg}/src/${sub ?? 'index'}.ts` };
    });
  },
};
const out = await build({
  entryPoints: [`${root}bench/size/caldav.mjs`], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false,
  absWorkingDir: `${root}bench`, logLevel: 'error', metafile: true, splitting: true, outdir: `${root}bench/.size-out`, plugins: [srcPlugin],
});
const files = new Map(out.outputFiles.map((f) => [f.path, f.contents]));
const initial = new Set();
const visit = (k) => {
  if (initial.has(k)) return;
  initial.add(k);
  for (const i of out.metafile.outputs[k].imports) if (i.kind === 'import-statement') visit(i.path);
};
visit(Object.keys(out.metafile.outputs).find((k) => out.metafile.outputs[k].entryPoint));
let gz = 0;
for (const [k, v] of Object.entries(out.metafile.outputs)) {
  if (!k.endsWith('.js')) continue;
  const z = gzipSync(files.get(`${root}bench/${k}`), { level: 9 }).length;
  if (initial.has(k)) gz += z;
  console.log(`${initial.has(k) ? 'initial' : 'lazy   '} ${k.replace('.size-out/', '').padEnd(40)} ${String(v.bytes).padStart(7)} min ${String(z).padStart(6)} gz  ${v.imports.map((i) => `${i.kind === 'import-statement' ? 'static' : 'dynamic'}:${i.path.replace('.size-out/', '')}`).join(' ')}`);
}
console.log(`initial total: ${(gz / 1024).toFixed(2)} KB gz`);
