import { getDb } from './db.server';

/** True when the database answers a query. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    return await getDb().answers();
  } catch {
    return false;
  }
}
