import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const pkgs = fileURLToPath(new URL('./packages/', import.meta.url));

/**
 * Tests run against `src/`, not `dist/`: `@cal/<pkg>` maps to `packages/<pkg>/src/index.ts` and
 * `@cal/<pkg>/<sub>` to `packages/<pkg>/src/<sub>.ts` (every subpath export follows that naming rule).
 * The published shape is checked separately by publint + attw (`pnpm check:package`).
 */
const alias = [
  { find: /^@cal\/([a-z0-9-]+)$/, replacement: `${pkgs}$1/src/index.ts` },
  { find: /^@cal\/([a-z0-9-]+)\/([a-z0-9-]+)$/, replacement: `${pkgs}$1/src/$2.ts` },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['packages/*/test/unit/**/*.test.ts'], testTimeout: 10_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['packages/*/test/integration/**/*.test.ts'],
          globalSetup: ['packages/testkit/src/servers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['packages/*/test/types/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
        },
      },
    ],
  },
});
