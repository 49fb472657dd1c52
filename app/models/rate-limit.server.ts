// Fixed-window counters kept in the database, so limits hold across restarts and processes.
import { eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rateLimits } from '../../db/schema';
import { getDb } from './db.server';
import type { Tx } from './transaction.server';

/** Counts one more hit on `key` in one statement: a new or expired window starts at 1, a live one counts up. */
export async function countHit(key: string, now: number, windowMs: number): Promise<{ count: number; resetAt: Date }> {
  return countHitIn(getDb(), key, now, windowMs);
}

/** countHit inside a transaction the caller holds (models/transaction.server.ts). */
export function countHitIn(tx: Tx | Db, key: string, now: number, windowMs: number): { count: number; resetAt: Date } {
  const expired = sql`${rateLimits.resetAt} <= ${now}`;
  return tx
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

/** Gives back one hit counted on `key` (a reservation that was not needed), never below zero. */
export async function uncountHit(key: string): Promise<void> {
  getDb()
    .update(rateLimits)
    .set({ count: sql`max(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key))
    .run();
}

export async function purgeExpiredRateLimits(now = new Date()): Promise<number> {
  return getDb().delete(rateLimits).where(lte(rateLimits.resetAt, now)).run().changes;
}
