// The process-wide database handle; only models and services import it.
import type { Database, Drizzle, PreparedQuery } from '../../db/database';
import { openPostgresDatabase } from '../../db/database.pg';
import { openSqliteDatabase } from '../../db/database.sqlite';
import { getConfig } from '../config.server';

let db: Database | undefined;

// Signed-in pages read accounts from all over a table of millions: the 16 MB default page cache thrashed under
// load (every page view re-read its pages from the OS); 64 MB holds the hot pages of thousands of customers.
const PAGE_CACHE_KIB = 64 * 1024;
// With several processes, each one's write (a session touch) empties the others' page caches; pages read through a
// memory map come back without a system call and a copy: first views at 2 processes 1.53-1.89 -> 1.39-1.43 ms of CPU.
const MAP_BYTES = 2 ** 30;

let connectionErrors: (error: Error) => void = () => undefined;

/** Where a PostgreSQL connection the server closed is reported (the portal logs it; models sit below the logger). */
export function reportConnectionErrorsTo(report: (error: Error) => void): void {
  connectionErrors = report;
}

export function getDb(): Database {
  if (!db) {
    const config = getConfig();
    if (config.databaseUrl) {
      db = openPostgresDatabase(config.databaseUrl, {
        max: config.databasePoolSize,
        onConnectionError: (error) => connectionErrors(error),
      });
    } else {
      const sqlite = openSqliteDatabase(config.databasePath);
      sqlite.sqlite.$client.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
      sqlite.sqlite.$client.pragma(`mmap_size = ${MAP_BYTES}`);
      db = sqlite;
    }
  }
  return db;
}

export async function closeDb(): Promise<void> {
  const closing = db;
  db = undefined;
  await closing?.close();
}

/** Statements prepared once per database handle (tests reopen it): for the reads every signed-in page makes. */
export function preparedStatements<T extends Record<string, PreparedQuery<unknown>>>(prepare: (db: Preparer) => T): () => T {
  const byDb = new WeakMap<Database, T>();
  return () => {
    const current = getDb();
    let prepared = byDb.get(current);
    if (!prepared) byDb.set(current, (prepared = prepare((build) => current.prepare(build))));
    return prepared;
  };
}

type Preparer = <R>(build: (db: Drizzle) => { all(): R[]; prepare(): unknown }) => PreparedQuery<R>;
