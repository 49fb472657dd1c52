// An import's steps on SQLite: its own connection, staged in TEMP tables committed every few thousand rows (never a
// lock on the main database while reading), then applied in short write transactions (chunked-apply.ts).
import type Database from 'better-sqlite3';
import { openDatabase } from '../client';
import { sqliteDatabase } from '../database.sqlite';
import { readyDatabase } from '../seed/seed';
import { accountsKind } from './accounts-kind';
import type { EngineImport } from './engine-import';
import { exposuresKind } from './exposures-kind';
import type { ImportKind } from './import-kind';
import type { ImportKindName } from './import-options';

// Rows stay opaque here: each kind validates, stages and applies its own.
const KINDS: Record<ImportKindName, ImportKind<unknown>> = {
  accounts: accountsKind as unknown as ImportKind<unknown>,
  exposures: exposuresKind as unknown as ImportKind<unknown>,
};
const STAGE_BATCH = 50_000;

export async function openSqliteImport(kindName: ImportKindName, databasePath: string): Promise<EngineImport<unknown>> {
  const kind = KINDS[kindName];
  const db = openDatabase(databasePath);
  const sqlite = db.$client;
  const database = sqliteDatabase(db);
  try {
    await readyDatabase(database);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  tuneForImport(sqlite);
  return {
    database,
    canWriteAside: () => !sqlite.inTransaction,
    async startStaging() {
      const stage = kind.createStaging(sqlite);
      let staged = 0;
      sqlite.exec('BEGIN');
      return {
        add(row, line) {
          stage.add(row, line);
          if (++staged % STAGE_BATCH === 0) sqlite.exec('COMMIT; BEGIN');
        },
        afterChunk() {},
        async finish() {
          stage.flush();
          sqlite.exec('COMMIT');
        },
      };
    },
    async checkStaged(errors) {
      kind.checkStaged(sqlite, errors);
    },
    apply: (chunkRows, onProgress) => kind.apply(sqlite, chunkRows, onProgress),
    async abort() {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    },
    async close() {
      sqlite.close(); // also drops the TEMP staging tables
    },
  };
}

function tuneForImport(sqlite: Database.Database): void {
  sqlite.pragma('temp_store = FILE'); // the staged file can be larger than memory should be
  sqlite.pragma('cache_size = -32768'); // 32 MB: every index is written in key order (accounts-kind.ts), so more buys nothing
  sqlite.pragma('temp.cache_size = -8192'); // 8 MB: staging is written and read in order, so a small cache loses little
  sqlite.pragma('wal_autocheckpoint = 0'); // checkpoints run between chunks instead, outside the timed transactions
}
