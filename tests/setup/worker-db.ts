// Each test file gets its own migrated database, so tests never share rows: a SQLite file in a folder of its own, or
// with TEST_ENGINE=postgres a PostgreSQL database copied from the run's template (tests/setup/postgres.ts).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll } from 'vitest';
import { freshPostgresDatabase } from '../helpers/pg-database';

const workerDir = path.resolve('tests/.tmp', `worker-${process.env.VITEST_POOL_ID ?? '0'}-${process.pid}`);
rmSync(workerDir, { recursive: true, force: true });
mkdirSync(workerDir, { recursive: true });

process.env.NODE_ENV = 'test';
process.env.DATA_DIR = workerDir;
process.env.DATABASE_PATH = path.join(workerDir, 'test.db');
process.env.DEMO_MODE = 'true';

if (process.env.TEST_ENGINE === 'postgres') {
  const fresh = await freshPostgresDatabase('test');
  if (!fresh) throw new Error('TEST_ENGINE=postgres, but the PostgreSQL half was skipped (no server programs and no TEST_DATABASE_URL)');
  process.env.DATABASE_URL = fresh.url;
  afterAll(async () => {
    const { closeDb } = await import('../../app/models/db.server');
    await closeDb();
    await fresh.drop();
  });
}

// Imported only now: db/tables.ts picks the engine's tables from DATABASE_URL when it is first loaded.
const { readyDatabaseAt } = await import('../../db/seed/seed');
await readyDatabaseAt({ databaseUrl: process.env.DATABASE_URL, databasePath: process.env.DATABASE_PATH });
