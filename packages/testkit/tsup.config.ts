import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ["src/index.ts", "src/graph.ts", "src/cronofy.ts", "src/mobiscroll.ts", "src/syncserver.ts", "src/servers.ts"],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
});
