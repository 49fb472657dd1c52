// Fixed-window counters kept in the database, so limits hold across restarts and processes.
import { eq, gt, lte, sql } from 'drizzle-orm';
import type { Queries } from '../../db/database';
import { rateLimits } from '../../db/tables';
import { getDb } from './db.server';

/** Counts one more hit on `key` in one statement: a new or expired window starts at 1, a live one counts up. */
export async function countHit(key: string, now: number, windowMs: number): Promise<{ count: number; resetAt: Date }> {
  return countHitIn(getDb(), key, now, windowMs);
}

/** countHit inside a transaction the caller holds (models/transaction.server.ts). */
export async function countHitIn(tx: Queries, key: string, now: number, windowMs: number): Promise<{ count: number; resetAt: Date }> {
  const resetAt = new Date(now + windowMs);
  // Compared and set through the column, so each engine gets the time in its own form (milliseconds, timestamptz).
  const expired = lte(rateLimits.resetAt, new Date(now));
  const row = await tx.get((db) =>
    db
      .insert(rateLimits)
      .values({ key, count: 1, resetAt })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`CASE WHEN ${expired} THEN 1 ELSE ${rateLimits.count} + 1 END`,
          resetAt: sql`CASE WHEN ${expired} THEN ${sql.param(resetAt, rateLimits.resetAt)} ELSE ${rateLimits.resetAt} END`,
        },
      })
      .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt }),
  );
  return row!;
}

/** Gives back one hit counted on `key` (a reservation that was not needed), never below zero. */
export async function uncountHit(key: string): Promise<void> {
  await getDb().run((db) =>
    db
      .update(rateLimits)
      .set({ count: sql`CASE WHEN ${gt(rateLimits.count, 0)} THEN ${rateLimits.count} - 1 ELSE 0 END` })
      .where(eq(rateLimits.key, key)),
  );
}

export async function purgeExpiredRateLimits(now = new Date()): Promise<number> {
  return getDb().run((db) => db.delete(rateLimits).where(lte(rateLimits.resetAt, now)));
}
