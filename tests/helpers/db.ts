// Test helpers for the test file's database (tests/setup/worker-db.ts), on either engine: a handle, raw SQL, and
// demo data on demand. Tests query through the same interface as the models (db/database.ts), with the tables of
// db/tables.ts, so one test runs on SQLite and on PostgreSQL alike.
import type { SQL } from 'drizzle-orm';
import { getDb } from '../../app/models/db.server';
import type { PgDb } from '../../db/client.pg';
import type { Database } from '../../db/database';
import type { SqliteDatabase } from '../../db/database.sqlite';
import { seedDemoAccounts } from '../../db/seed/seed';

export const onPostgres = () => getDb().dialect === 'postgres';

/** The test file's database: `await testDatabase().get((db) => db.select()…)`, `.all(…)`, `.run(…)`. */
export function testDatabase(): Database {
  return getDb();
}

/** @deprecated SQLite only, being replaced by testDatabase() so each test runs on both engines. */
export function testDb() {
  return sqliteTestDb();
}

/** The SQLite handle itself, for the few tests about SQLite's own file (skipped on PostgreSQL). */
export function sqliteTestDb() {
  const db = getDb();
  if (db.dialect !== 'sqlite') throw new Error('sqliteTestDb() is for SQLite runs only: skip this test on PostgreSQL');
  return (db as SqliteDatabase).sqlite;
}

/** Runs a raw statement (one each engine understands), for what the query builder cannot say; returns the rows. */
export async function rawSql<T = Record<string, unknown>>(statement: SQL): Promise<T[]> {
  const db = getDb();
  if (db.dialect === 'sqlite') return (db as SqliteDatabase).sqlite.all(statement) as T[];
  const result = await (db.drizzle as unknown as PgDb).execute(statement);
  return result.rows as T[];
}

export async function withDemoAccounts(): Promise<void> {
  await seedDemoAccounts(getDb());
}

/** Plays someone with write access to the database: drops the audit log's append-only guards. */
export async function dropAuditGuards(): Promise<void> {
  const db = getDb();
  if (db.dialect === 'sqlite') {
    (db as SqliteDatabase).sqlite.$client.exec(
      'DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;',
    );
    return;
  }
  await (db.drizzle as unknown as PgDb).$client.query(
    'DROP TRIGGER IF EXISTS audit_events_no_update ON audit_events; DROP TRIGGER IF EXISTS audit_events_no_delete ON audit_events; DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;',
  );
}
