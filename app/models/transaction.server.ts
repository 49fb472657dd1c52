// The one way a service groups writes of several models into one transaction (db/database.ts says what may run
// inside): models that take part accept the `tx` as their last argument.
import type { Queries } from '../../db/database';
import { getDb } from './db.server';

export type Tx = Queries;

/** The database for reads a service makes before a write transaction (models that take a `tx` accept it too). */
export function readQueries(): Tx {
  return getDb();
}

export async function writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return getDb().transaction(work);
}
