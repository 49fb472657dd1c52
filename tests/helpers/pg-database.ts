// A fresh PostgreSQL database for one test file, copied from the run's migrated template (tests/setup/postgres.ts).
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, type PgDb } from '../../db/client.pg';
import { databaseUrl } from './postgres';

let counter = 0;

/** null when the PostgreSQL half is skipped on this machine (the run said so in one line). */
export async function freshPostgresDatabase(label: string): Promise<{ url: string; db: PgDb; drop(): Promise<void> } | null> {
  const postgres = inject('postgres');
  if (!postgres) return null;
  // PostgreSQL cuts names at 63 bytes: a short label keeps the pid and counter that make the name unique.
  const name = `t_${label.replace(/\W/g, '_').slice(0, 24)}_${process.pid}_${(counter += 1)}`.toLowerCase();
  const admin = new pg.Client({ connectionString: postgres.serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(postgres.template)}`);
  const url = databaseUrl(postgres.serverUrl, name);
  const db = openPostgres(url);
  return {
    url,
    db,
    async drop() {
      await db.$client.end();
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    },
  };
}
