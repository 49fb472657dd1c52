// Failed PIN verifications per account, kept in rate_limits so the lock holds across restarts and processes.
import { eq, gt, sql } from 'drizzle-orm';
import { rateLimits } from '../../db/tables';
import { getDb } from './db.server';

const key = (accountId: number) => `pin-verify-failures:${accountId}`;

export interface FailureState {
  failures: number;
  /** Failures are forgotten (and a lock lifts) at this time. */
  resetAt: Date;
}

export async function getVerificationFailures(accountId: number, now: Date): Promise<FailureState | null> {
  const row = await getDb().get((db) =>
    db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, key(accountId))),
  );
  if (!row || row.resetAt <= now) return null;
  return { failures: row.count, resetAt: row.resetAt };
}

/** Counts one more failure; each failure keeps the count for another `windowMs`. */
export async function addVerificationFailure(accountId: number, now: Date, windowMs: number): Promise<FailureState> {
  const resetAt = new Date(now.getTime() + windowMs);
  const row = await getDb().get((db) =>
    db
      .insert(rateLimits)
      .values({ key: key(accountId), count: 1, resetAt })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: { count: sql`case when ${gt(rateLimits.resetAt, now)} then ${rateLimits.count} + 1 else 1 end`, resetAt },
      })
      .returning(),
  );
  return { failures: row!.count, resetAt: row!.resetAt };
}

export async function clearVerificationFailures(accountId: number): Promise<void> {
  await getDb().run((db) => db.delete(rateLimits).where(eq(rateLimits.key, key(accountId))));
}
