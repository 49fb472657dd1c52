import { sql } from 'drizzle-orm';
import { getDb } from './db.server';

/** True when the database answers a query. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    return getDb().get<{ ok: number }>(sql`select 1 as ok`)?.ok === 1;
  } catch {
    return false;
  }
}
