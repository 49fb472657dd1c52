// Opens PostgreSQL through drizzle's node-postgres driver, and applies the PostgreSQL migrations (db/migrations-pg).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.pg';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export function openPostgres(url: string, options: { max?: number } = {}): PgDb {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  return drizzle(pool, { schema });
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations-pg');

export async function migratePostgres(db: PgDb): Promise<void> {
  await migrate(db, { migrationsFolder });
}
