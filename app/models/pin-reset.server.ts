// The 24-hour PIN reset's rows: one pending reset per account at most; the job applies each once.
import { and, asc, desc, eq, isNull, lte } from 'drizzle-orm';
import { accountLines, customers, pinResets, type PinReset } from '../../db/schema';
import { replacePinHashIn } from './account.server';
import { getDb } from './db.server';

const pending = (accountId: number) => and(eq(pinResets.accountId, accountId), isNull(pinResets.appliedAt), isNull(pinResets.cancelledAt));

export async function findPendingPinReset(accountId: number): Promise<PinReset | null> {
  return getDb().select().from(pinResets).where(pending(accountId)).orderBy(desc(pinResets.id)).limit(1).get() ?? null;
}

/** Stores a new pending reset, cancelling (as superseded) any the account already had. */
export async function schedulePinReset(
  input: Pick<PinReset, 'accountId' | 'requestedByCustomerId' | 'via' | 'newPinHash' | 'requestedAt' | 'effectiveAt'>,
): Promise<PinReset> {
  return getDb().transaction((tx) => {
    tx.update(pinResets).set({ cancelledAt: input.requestedAt, cancelledBy: 'superseded' }).where(pending(input.accountId)).run();
    return tx.insert(pinResets).values(input).returning().get();
  });
}

/** Cancels the account's pending reset; the cancelled row, or null when there was none. */
export async function cancelPendingPinReset(accountId: number, cancelledBy: string, at: Date): Promise<PinReset | null> {
  return getDb().update(pinResets).set({ cancelledAt: at, cancelledBy }).where(pending(accountId)).returning().get() ?? null;
}

/** Resets whose 24 hours have passed, oldest first. */
export async function listDuePinResets(now: Date, limit: number): Promise<PinReset[]> {
  return getDb()
    .select()
    .from(pinResets)
    .where(and(isNull(pinResets.appliedAt), isNull(pinResets.cancelledAt), lte(pinResets.effectiveAt, now)))
    .orderBy(asc(pinResets.effectiveAt))
    .limit(limit)
    .all();
}

/**
 * Applies one due reset: claims it and puts its PIN in force in one write transaction, so it runs once however many
 * processes try; false when it was applied, cancelled or superseded meanwhile.
 */
export async function applyPinReset(reset: PinReset, at: Date, keepHistory: number): Promise<boolean> {
  return getDb().transaction((tx) => {
    const claimed = tx
      .update(pinResets)
      .set({ appliedAt: at })
      .where(and(eq(pinResets.id, reset.id), isNull(pinResets.appliedAt), isNull(pinResets.cancelledAt), lte(pinResets.effectiveAt, at)))
      .run();
    if (claimed.changes !== 1) return false;
    // Only the holder may change the PIN: a reset whose requester has since lost that role (a re-import) lapses.
    const stillHolder =
      reset.requestedByCustomerId !== null &&
      tx
        .select({ id: customers.id })
        .from(customers)
        .innerJoin(accountLines, and(eq(accountLines.accountId, customers.accountId), eq(accountLines.phone, customers.phone)))
        .where(
          and(eq(customers.id, reset.requestedByCustomerId), eq(customers.accountId, reset.accountId), eq(accountLines.role, 'holder')),
        )
        .get() !== undefined;
    if (!stillHolder) {
      tx.update(pinResets)
        .set({ appliedAt: null, cancelledAt: at, cancelledBy: 'requester no longer the holder' })
        .where(eq(pinResets.id, reset.id))
        .run();
      return false;
    }
    replacePinHashIn(tx, reset.accountId, reset.newPinHash, at, keepHistory);
    return true;
  });
}
