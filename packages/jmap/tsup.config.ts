import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ["src/index.ts", "src/ical.ts"],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  treeshake: true,
  // CJS entries share chunks (one copy of each class across subpath entries), as in @cal/core.
  splitting: true,
  target: 'es2022',
});
