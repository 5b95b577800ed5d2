import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Guards the split that keeps the typical app small (bench/size/mobiscroll.mjs, measured by
// scripts/size.mjs with the same esbuild settings): oauth4webapi, the token flows and the
// on-demand operations must stay behind import(), and the app must load ONE initial chunk: a
// statement shared between the initial code and an on-demand module makes esbuild emit a shared
// chunk that loads up front and compresses worse (see src/on-demand/kit.ts).
const root = fileURLToPath(new URL('../../../../', import.meta.url));

describe('typical app bundle', () => {
  it('loads oauth4webapi, token flows and on-demand operations only on demand (openapi-fetch, the REST client, up front)', async () => {
    const out = await build({
      entryPoints: [`${root}bench/size/mobiscroll.mjs`], bundle: true, minify: true, format: 'esm', platform: 'browser',
      write: false, absWorkingDir: `${root}bench`, logLevel: 'silent', metafile: true, splitting: true, outdir: '/tmp/cal-ms-initial',
      plugins: [{
        name: 'cal-src',
        setup(b) {
          b.onResolve({ filter: /^@cal\/[a-z]+(\/[a-z0-9-]+)?$/ }, (a) => {
            const [, pkg, sub] = a.path.split('/');
            return { path: `${root}packages/${pkg}/src/${sub ?? 'index'}.ts` };
          });
        },
      }],
    });
    const outputs = out.metafile.outputs;
    const entry = Object.keys(outputs).find((k) => outputs[k]!.entryPoint)!;
    const staticImports = outputs[entry]!.imports.filter((i) => i.kind === 'import-statement');
    expect(staticImports).toEqual([]);
    // Inputs that contribute bytes (type-only modules are listed with 0).
    const initialInputs = Object.entries(outputs[entry]!.inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([k]) => k)
      .join('\n');
    expect(initialInputs).not.toMatch(/oauth4webapi/);
    expect(initialInputs).toMatch(/openapi-fetch/);
    expect(initialInputs).not.toMatch(/\/token-endpoint\.ts|\/authorization-url\.ts|\/on-demand\/operations\.ts|\/error-bodies\.ts/);
    const lazy = outputs[entry]!.imports.filter((i) => i.kind === 'dynamic-import').length;
    expect(lazy).toBeGreaterThanOrEqual(3);
  });
});
