// Fixed-window counters kept in the database, so limits hold across restarts and processes.
import { lte, sql } from 'drizzle-orm';
import { rateLimits } from '../../db/schema';
import { getDb } from './db.server';

/** Counts one more hit on `key` in one statement: a new or expired window starts at 1, a live one counts up. */
export async function countHit(key: string, now: number, windowMs: number): Promise<{ count: number; resetAt: Date }> {
  const expired = sql`${rateLimits.resetAt} <= ${now}`;
  return getDb()
    .insert(rateLimits)
    .values({ key, count: 1, resetAt: new Date(now + windowMs) })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${expired} THEN 1 ELSE ${rateLimits.count} + 1 END`,
        resetAt: sql`CASE WHEN ${expired} THEN ${now + windowMs} ELSE ${rateLimits.resetAt} END`,
      },
    })
    .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt })
    .get();
}

export async function purgeExpiredRateLimits(now = new Date()): Promise<number> {
  return getDb().delete(rateLimits).where(lte(rateLimits.resetAt, now)).run().changes;
}
