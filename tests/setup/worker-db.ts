// Each vitest worker gets its own migrated SQLite file, so tests never share rows across workers.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readyDatabaseFile } from '../../db/seed/seed';

const workerDir = path.resolve('tests/.tmp', `worker-${process.env.VITEST_POOL_ID ?? '0'}-${process.pid}`);
rmSync(workerDir, { recursive: true, force: true });
mkdirSync(workerDir, { recursive: true });

process.env.NODE_ENV = 'test';
process.env.DATA_DIR = workerDir;
process.env.DATABASE_PATH = path.join(workerDir, 'test.db');
process.env.DEMO_MODE = 'true';

await readyDatabaseFile(process.env.DATABASE_PATH);
