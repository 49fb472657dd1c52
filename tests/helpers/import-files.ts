// Test helpers: write a CSV (optionally gzipped) into a fresh temp folder and import it into the worker database, on
// the engine of the run (PostgreSQL under TEST_ENGINE=postgres, where the worker setup sets DATABASE_URL).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import pg from 'pg';
import { auditKeys } from '../../app/services/audit.server';
import { runImport, type ImportOptions } from '../../db/import/run-import';
import { accountLines, accounts, customers, exposures, imports, phoneDirectory } from '../../db/tables';
import { onPostgres, testDatabase } from './db';
import { freshPostgresDatabase } from './pg-database';

export const ACCOUNTS_HEADER = 'account_number,account_type,holder_name,billing_zip,billing_address,email,phones,birth_date';
export const EXPOSURES_HEADER = 'account_number,incident,fields';

/** Empties what imports write, in an order the foreign keys allow, on either engine. */
export async function emptyImportTables(): Promise<void> {
  const db = testDatabase();
  for (const table of [exposures, accountLines, phoneDirectory, customers, accounts, imports]) await db.run((q) => q.delete(table));
}

export function writeCsv(name: string, text: string, gzip = false): string {
  // Inside the worker's data folder, which the test setup clears on every run.
  const file = path.join(mkdtempSync(path.join(process.env.DATA_DIR ?? tmpdir(), 'import-test-')), name);
  writeFileSync(file, gzip ? gzipSync(text) : text);
  return file;
}

/** Imports a file into the worker database as the operator 'test'. */
export function importFile(kind: ImportOptions['kind'], file: string, extra: Partial<ImportOptions> = {}) {
  return runImport({
    kind,
    file,
    databasePath: process.env.DATABASE_PATH!,
    databaseUrl: process.env.DATABASE_URL ?? null,
    operator: 'test',
    audit: auditKeys(),
    ...extra,
  });
}

export function importText(kind: ImportOptions['kind'], lines: string[], extra: Partial<ImportOptions> = {}) {
  return importFile(kind, writeCsv(`${kind}.csv`, `${lines.join('\n')}\n`), extra);
}

/** A database for an import process: a PostgreSQL URL, or else the SQLite file. */
export type ImportTarget = { databaseUrl: string } | { databasePath: string };

/** `npm run import -- accounts FILE` as its own process against that database, with the worker's audit keys. */
export function accountsImportProcess(file: string, target: ImportTarget) {
  const { key, headPath } = auditKeys();
  const { DATABASE_URL: _inherited, ...env } = process.env;
  const database = 'databaseUrl' in target ? { DATABASE_URL: target.databaseUrl } : { DATABASE_PATH: target.databasePath };
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', 'accounts', file, '--operator', 'test'], {
    env: { ...env, ...database, AUDIT_KEY: key, AUDIT_HEAD_PATH: headPath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A migrated database of a test's own, empty of accounts, for import processes, with raw reads of it from outside. */
export interface ScratchDatabase {
  target: ImportTarget;
  /** Runs one read-only statement (SQL both engines understand) and returns its rows. */
  rows<T = Record<string, unknown>>(statement: string): Promise<T[]>;
  /** The single number a `SELECT count(*) …` returns. */
  count(statement: string): Promise<number>;
  close(): Promise<void>;
}

/** A copy of the worker's SQLite file in `dir`, or on PostgreSQL a fresh database from the run's template. */
export async function scratchDatabase(dir: string): Promise<ScratchDatabase> {
  let target: ImportTarget;
  let rows: ScratchDatabase['rows'];
  let close: () => Promise<void>;
  if (onPostgres()) {
    const fresh = (await freshPostgresDatabase('scratch'))!;
    // One client, closed before the drop: a pool's end() resolves before its connections close, and a connection the
    // drop terminates while it closes errors on a pool nobody listens to.
    const watcher = new pg.Client({ connectionString: fresh.url });
    await watcher.connect();
    target = { databaseUrl: fresh.url };
    rows = async <T>(statement: string) => (await watcher.query(statement)).rows as T[];
    close = async () => {
      await watcher.end();
      await fresh.drop();
    };
  } else {
    const databasePath = path.join(dir, 'portal.db');
    copyFileSync(process.env.DATABASE_PATH!, databasePath); // migrated, empty of accounts
    const watcher = new Database(databasePath, { readonly: true });
    target = { databasePath };
    rows = async <T>(statement: string) => watcher.prepare(statement).all() as T[];
    close = async () => void watcher.close();
  }
  return {
    target,
    rows,
    count: async (statement) => Number(Object.values((await rows(statement))[0]!)[0]), // PostgreSQL counts in bigint strings
    close,
  };
}
