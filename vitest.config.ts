import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` for the whole repository, as three projects:
 * - shared: the pure rules (fast, 100 % branch coverage enforced below);
 * - api: supertest against createApp() on real PostgreSQL (sequential files: one database);
 * - console: react-admin components in jsdom with msw.
 */
export default defineConfig({
  // Path aliases (@shared/…, @server/…) come from tsconfig.json, the one place they are set.
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      { extends: true, test: { name: 'shared', environment: 'node', include: ['shared/**/*.test.ts', 'test/architecture/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'api',
          environment: 'node',
          include: ['test/api/**/*.test.ts', 'server/**/*.test.ts', 'seeds/**/*.test.ts'],
          globalSetup: ['test/api/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'console',
          environment: 'jsdom',
          include: ['console/src/**/*.test.tsx', 'console/src/**/*.test.ts'],
          setupFiles: ['console/src/test/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['shared/rules/**/*.ts'],
      exclude: ['shared/**/*.test.ts', 'shared/**/index.ts'],
      thresholds: { 'shared/rules/**/*.ts': { branches: 100, functions: 100, lines: 100, statements: 100 } },
    },
  },
});
