// Opens the SQLite database with the settings every process uses (WAL, busy timeout, foreign keys).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  return drizzle(sqlite, { schema });
}

// Beside this file when run from source; from the project root when bundled into the Remix build (build/index.js).
const besideSource = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const migrationsFolder = existsSync(path.join(besideSource, 'meta', '_journal.json')) ? besideSource : path.resolve('db', 'migrations');

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder });
}
