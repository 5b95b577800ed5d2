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
    // The on-demand operations (src/on-demand/) load with import(). In the CJS build that becomes
    // require() of the CJS chunk: runtimes and test runners that cannot import() from CommonJS
    // (Jest without VM modules) keep working, and the chunk shares this build's module instances.
    if (format === 'cjs') options.supported = { ...options.supported, 'dynamic-import': false };
  },
});
