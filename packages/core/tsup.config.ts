import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/oauth2.ts', 'src/xml.ts', 'src/node.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  treeshake: true,
  // Shared chunks for CJS too: without them each entry (index, oauth2, xml, node) would carry its
  // own copy of the error classes and `instanceof AuthenticationError` would fail across entries.
  splitting: true,
  target: 'es2022',
  // Runtime-neutral: never let esbuild inject Node shims into the shared entry points.
  platform: 'neutral',
  external: ['oauth4webapi', 'undici'],
});
