import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ["src/index.ts", "src/graph.ts", "src/cronofy.ts", "src/mobiscroll.ts", "src/syncserver.ts", "src/servers.ts", "src/jmap-tasks.ts"],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  treeshake: true,
  // CJS entries share chunks (one copy of each class across subpath entries), as in @cal/core.
  splitting: true,
  target: 'es2022',
  // servers.ts finds its shell scripts through import.meta.url; give the CJS build a shim.
  shims: true,
});
