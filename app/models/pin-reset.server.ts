// The 24-hour PIN reset's rows: one pending reset per account at most; the job applies each once.
import { and, asc, desc, eq, isNull, lte, sql, type Placeholder } from 'drizzle-orm';
import type { PinReset } from '../../db/schema';
import { accountLines, customers, pinResets } from '../../db/tables';
import { replacePinHashIn } from './account.server';
import { getDb, preparedStatements } from './db.server';

const pending = (accountId: number | Placeholder) =>
  and(eq(pinResets.accountId, accountId), isNull(pinResets.appliedAt), isNull(pinResets.cancelledAt));

// Read by every dashboard view.
const reads = preparedStatements((prepare) => ({
  pendingReset: prepare((db) =>
    db
      .select()
      .from(pinResets)
      .where(pending(sql.placeholder('accountId')))
      .orderBy(desc(pinResets.id))
      .limit(1),
  ),
}));

export async function findPendingPinReset(accountId: number): Promise<PinReset | null> {
  return (await reads().pendingReset.get({ accountId })) ?? null;
}

/** Stores a new pending reset, cancelling (as superseded) any the account already had. */
export async function schedulePinReset(
  input: Pick<PinReset, 'accountId' | 'requestedByCustomerId' | 'via' | 'newPinHash' | 'requestedAt' | 'effectiveAt'>,
): Promise<PinReset> {
  return getDb().transaction(async (tx) => {
    await tx.run((db) =>
      db.update(pinResets).set({ cancelledAt: input.requestedAt, cancelledBy: 'superseded' }).where(pending(input.accountId)),
    );
    return (await tx.get((db) => db.insert(pinResets).values(input).returning()))!;
  });
}

/** Cancels the account's pending reset; the cancelled row, or null when there was none. */
export async function cancelPendingPinReset(accountId: number, cancelledBy: string, at: Date): Promise<PinReset | null> {
  return (
    (await getDb().get((db) => db.update(pinResets).set({ cancelledAt: at, cancelledBy }).where(pending(accountId)).returning())) ?? null
  );
}

/** Resets whose 24 hours have passed, oldest first. */
export async function listDuePinResets(now: Date, limit: number): Promise<PinReset[]> {
  return getDb().all((db) =>
    db
      .select()
      .from(pinResets)
      .where(and(isNull(pinResets.appliedAt), isNull(pinResets.cancelledAt), lte(pinResets.effectiveAt, now)))
      .orderBy(asc(pinResets.effectiveAt))
      .limit(limit),
  );
}

/**
 * Applies one due reset: claims it and puts its PIN in force in one write transaction, so it runs once however many
 * processes try; false when it was applied, cancelled or superseded meanwhile.
 */
export async function applyPinReset(reset: PinReset, at: Date, keepHistory: number): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const claimed = await tx.run((db) =>
      db
        .update(pinResets)
        .set({ appliedAt: at })
        .where(and(eq(pinResets.id, reset.id), isNull(pinResets.appliedAt), isNull(pinResets.cancelledAt), lte(pinResets.effectiveAt, at))),
    );
    if (claimed !== 1) return false;
    // Only the holder may change the PIN: a reset whose requester has since lost that role (a re-import) lapses.
    const requester = reset.requestedByCustomerId;
    const stillHolder =
      requester !== null &&
      (await tx.get((db) =>
        db
          .select({ id: customers.id })
          .from(customers)
          .innerJoin(accountLines, and(eq(accountLines.accountId, customers.accountId), eq(accountLines.phone, customers.phone)))
          .where(and(eq(customers.id, requester), eq(customers.accountId, reset.accountId), eq(accountLines.role, 'holder'))),
      )) !== undefined;
    if (!stillHolder) {
      await tx.run((db) =>
        db
          .update(pinResets)
          .set({ appliedAt: null, cancelledAt: at, cancelledBy: 'requester no longer the holder' })
          .where(eq(pinResets.id, reset.id)),
      );
      return false;
    }
    await replacePinHashIn(tx, reset.accountId, reset.newPinHash, at, keepHistory);
    return true;
  });
}
