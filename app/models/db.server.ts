// The process-wide database handle; only models and services import it.
import { openDatabase, type Db } from '../../db/client';
import { getConfig } from '../config.server';

let db: Db | undefined;

// Signed-in pages read accounts from all over a table of millions: the 16 MB default page cache thrashed under
// load (every page view re-read its pages from the OS); 64 MB holds the hot pages of thousands of customers.
const PAGE_CACHE_KIB = 64 * 1024;

export function getDb(): Db {
  if (!db) {
    db = openDatabase(getConfig().databasePath);
    db.$client.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  }
  return db;
}

export function closeDb(): void {
  db?.$client.close();
  db = undefined;
}

/** Statements prepared once per database handle (tests reopen it): for the reads every signed-in page makes. */
export function preparedStatements<T>(prepare: (db: Db) => T): () => T {
  const byDb = new WeakMap<Db, T>();
  return () => {
    const current = getDb();
    let prepared = byDb.get(current);
    if (!prepared) byDb.set(current, (prepared = prepare(current)));
    return prepared;
  };
}
