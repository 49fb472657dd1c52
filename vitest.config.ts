import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '~': path.resolve(__dirname, 'app') } },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['tests/setup/worker-db.ts'],
    globalSetup: ['tests/setup/postgres.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
});
