// The process-wide database handle; only models and services import it.
import { openDatabase, type Db } from '../../db/client';
import { getConfig } from '../config.server';

let db: Db | undefined;

export function getDb(): Db {
  db ??= openDatabase(getConfig().databasePath);
  return db;
}

export function closeDb(): void {
  db?.$client.close();
  db = undefined;
}
