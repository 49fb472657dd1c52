// Test helpers for the test file's database (tests/setup/worker-db.ts), on either engine: a handle, raw SQL, and
// demo data on demand. Tests query through the same interface as the models (db/database.ts), with the tables of
// db/tables.ts, so one test runs on SQLite and on PostgreSQL alike.
import { readFileSync } from 'node:fs';
import type { SQL } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import { getConfig } from '../../app/config.server';
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

const sqliteDialect = new SQLiteSyncDialect();

/**
 * Runs one raw statement (one each engine understands), for what the query builder cannot say; returns its rows (none
 * for a statement that returns no data). A failure is the driver's own error on both engines, not drizzle's wrapper.
 */
export async function rawSql<T = Record<string, unknown>>(statement: SQL): Promise<T[]> {
  const db = getDb();
  if (db.dialect === 'sqlite') {
    const query = sqliteDialect.sqlToQuery(statement);
    const prepared = (db as SqliteDatabase).sqlite.$client.prepare(query.sql);
    if (prepared.reader) return prepared.all(...query.params) as T[];
    prepared.run(...query.params);
    return [];
  }
  try {
    const result = await (db.drizzle as unknown as PgDb).execute(statement);
    return result.rows as T[];
  } catch (error) {
    throw error instanceof DrizzleQueryError && error.cause ? error.cause : error;
  }
}

/**
 * Whether `text` is stored anywhere in the database: on SQLite in the bytes of the file (after a checkpoint, so the
 * write-ahead log is in it too); on PostgreSQL, which keeps no one file, in any column of any row of any table.
 */
export async function storedAnywhere(text: string): Promise<boolean> {
  const db = getDb();
  if (db.dialect === 'sqlite') {
    (db as SqliteDatabase).sqlite.$client.pragma('wal_checkpoint(TRUNCATE)');
    return readFileSync(getConfig().databasePath).includes(Buffer.from(text));
  }
  const pool = (db.drizzle as unknown as PgDb).$client;
  const { rows: tables } = await pool.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  for (const { name } of tables) {
    const { rows } = await pool.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${pg.escapeIdentifier(name)} t WHERE strpos(t::text, $1) > 0) AS found`,
      [text],
    );
    if (rows[0]?.found) return true;
  }
  return false;
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
