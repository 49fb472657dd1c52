// The two engines' schemas stay alike: after their own migrations, SQLite and PostgreSQL have the same tables, the
// same columns with the same NOT NULL rules, the same indexes and the same append-only audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../tests/helpers/pg-database';
import { openDatabase, type Db } from './client';
import type { PgDb } from './client.pg';
import { sqliteDatabase } from './database.sqlite';
import { readyDatabase } from './seed/seed';

type Columns = Record<string, Record<string, { notNull: boolean }>>;

function sqliteSchema(db: Db): { columns: Columns; indexes: string[] } {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'")
    .pluck()
    .all() as string[];
  const columns: Columns = {};
  for (const table of tables) {
    const info = db.$client.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string; notnull: number; pk: number }>;
    // SQLite lets a primary key column be NULL unless it says NOT NULL; PostgreSQL's primary keys never are.
    columns[table] = Object.fromEntries(info.map((column) => [column.name, { notNull: column.notnull === 1 || column.pk > 0 }]));
  }
  const indexes = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").pluck().all() as string[];
  return { columns, indexes: indexes.sort() };
}

async function postgresSchema(db: PgDb): Promise<{ columns: Columns; indexes: string[] }> {
  const { rows } = await db.$client.query<{ table_name: string; column_name: string; is_nullable: string }>(
    "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'",
  );
  const columns: Columns = {};
  for (const row of rows) (columns[row.table_name] ??= {})[row.column_name] = { notNull: row.is_nullable === 'NO' };
  // drizzle-kit names the primary keys and unique constraints itself on PostgreSQL; the named indexes are ours.
  const indexes = await db.$client.query<{ indexname: string }>(
    "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_pk' AND indexname NOT LIKE '%_unique'",
  );
  return { columns, indexes: indexes.rows.map((row) => row.indexname).sort() };
}

const postgres = await freshPostgresDatabase('schema_parity');

describe.skipIf(postgres === null)('the PostgreSQL schema', () => {
  let sqlite: Db;
  beforeAll(async () => {
    sqlite = openDatabase(':memory:');
    await readyDatabase(sqliteDatabase(sqlite));
  });
  afterAll(async () => {
    sqlite?.$client.close();
    await postgres?.drop();
  });

  it('has the same tables, columns and NOT NULL rules as SQLite after each engine’s migrations', async () => {
    const expected = sqliteSchema(sqlite);
    const actual = await postgresSchema(postgres!.db);
    expect(Object.keys(actual.columns).sort()).toEqual(Object.keys(expected.columns).sort());
    for (const table of Object.keys(expected.columns)) expect(actual.columns[table], table).toEqual(expected.columns[table]);
  });

  it('has the same named indexes', async () => {
    const expected = sqliteSchema(sqlite).indexes.filter((name) => !name.endsWith('_unique'));
    expect((await postgresSchema(postgres!.db)).indexes).toEqual(expected);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    const client = postgres!.db.$client;
    await client.query(
      "INSERT INTO audit_events (at, actor_type, action, prev_hash, hash, scheme) VALUES (now(), 'system', 'test.event', 'a', 'b', 'hmac-sha256')",
    );
    await expect(client.query("UPDATE audit_events SET action = 'edited'")).rejects.toThrow('audit_events is append-only');
    await expect(client.query('DELETE FROM audit_events')).rejects.toThrow('audit_events is append-only');
    await expect(client.query('TRUNCATE audit_events')).rejects.toThrow('audit_events is append-only');
    expect((await client.query('SELECT action FROM audit_events')).rows).toEqual([{ action: 'test.event' }]);
  });
});
