import { defineConfig } from 'vitest/config';

// Each e2e file starts its own server and Chromium; on two cores they run one file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    // The throwaway PostgreSQL server only for the PostgreSQL run: each server the tests start gets a database of it.
    globalSetup: ['tests/setup/build-once.ts', ...(process.env.TEST_ENGINE === 'postgres' ? ['tests/setup/postgres.ts'] : [])],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
