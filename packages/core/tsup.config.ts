import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/oauth2.ts', 'src/xml.ts', 'src/node.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
  // Runtime-neutral: never let esbuild inject Node shims into the shared entry points.
  platform: 'neutral',
  external: ['oauth4webapi', 'undici'],
});
