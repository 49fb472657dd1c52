// Opens PostgreSQL through drizzle's node-postgres driver, and applies the PostgreSQL migrations (db/migrations-pg).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.pg';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export function openPostgres(url: string, options: { max?: number; onConnectionError?: (error: Error) => void } = {}): PgDb {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection the server ends (a restart, a failover, an administrator) must not take the process down: the
  // pool drops it and opens another on the next query.
  pool.on('error', options.onConnectionError ?? (() => undefined));
  return drizzle(pool, { schema });
}

// Beside this file when run from source; from the project root when bundled into the Remix build (build/index.js).
const besideSource = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations-pg');
const migrationsFolder = existsSync(path.join(besideSource, 'meta', '_journal.json')) ? besideSource : path.resolve('db', 'migrations-pg');

/**
 * Applies the migrations not yet applied. Machines starting at once take turns on an advisory lock held by one
 * connection, so the second finds the first's work done instead of failing on objects that already exist.
 */
export async function migratePostgres(db: PgDb): Promise<void> {
  const client = await db.$client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('portal migrations'))");
    try {
      await migrate(drizzle(client, { schema }), { migrationsFolder });
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('portal migrations'))");
    }
  } finally {
    client.release();
  }
}
