import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ["src/index.ts"],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  treeshake: true,
  // CJS entries share chunks (one copy of each class across subpath entries), as in @cal/core.
  splitting: true,
  target: 'es2022',
  esbuildOptions(options, { format }) {
    // The OAuth module is loaded with import() on first use. In the CJS build that must become
    // require(): import() from CJS would load core's ESM build next to the CJS one, and errors from
    // the OAuth code would then fail `instanceof` checks against the classes the app imported.
    if (format === 'cjs') options.supported = { ...options.supported, 'dynamic-import': false };
  },
});
