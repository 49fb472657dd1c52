// One-time code rows: stored as keyed hashes, with their line, tries, and when they were used or cancelled.
import { and, desc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { oneTimeCodes, type OneTimeCode } from '../../db/schema';
import { getDb } from './db.server';

export type CodePurpose = OneTimeCode['purpose'];

/** Codes of the account sent to a line (to this line when `phone` is given). */
const onLine = (accountId: number, phone?: string) =>
  and(eq(oneTimeCodes.accountId, accountId), phone === undefined ? isNotNull(oneTimeCodes.phone) : eq(oneTimeCodes.phone, phone));
const unspent = and(isNull(oneTimeCodes.usedAt), isNull(oneTimeCodes.invalidatedAt));

export type NewCode = Pick<OneTimeCode, 'accountId' | 'purpose' | 'codeHash' | 'issuedByStaffId' | 'createdAt' | 'expiresAt'> & {
  phone: string;
};

/** Stores a code and cancels the line's older unused codes of the same purpose, in one transaction. */
export async function insertCodeReplacingOlder(code: NewCode): Promise<void> {
  getDb().transaction((tx) => {
    tx.update(oneTimeCodes)
      .set({ invalidatedAt: code.createdAt })
      .where(and(onLine(code.accountId, code.phone), eq(oneTimeCodes.purpose, code.purpose), unspent))
      .run();
    tx.insert(oneTimeCodes).values(code).run();
  });
}

/** Unused, uncancelled, unexpired codes of the purposes on the account (on one line when `phone` is given), newest first. */
export async function listLiveCodes(input: {
  accountId: number;
  phone?: string;
  purposes: CodePurpose[];
  now: Date;
}): Promise<OneTimeCode[]> {
  return getDb()
    .select()
    .from(oneTimeCodes)
    .where(
      and(
        onLine(input.accountId, input.phone),
        inArray(oneTimeCodes.purpose, input.purposes),
        unspent,
        gt(oneTimeCodes.expiresAt, input.now),
      ),
    )
    .orderBy(desc(oneTimeCodes.id))
    .all();
}

/** Uses the code up; false when another request used or cancelled it first. */
export async function markCodeUsed(codeId: number, at: Date): Promise<boolean> {
  const used = getDb()
    .update(oneTimeCodes)
    .set({ usedAt: at })
    .where(and(eq(oneTimeCodes.id, codeId), unspent))
    .run();
  return used.changes === 1;
}

/** Counts a wrong try on the code; the `maxAttempts`-th cancels it. */
export async function countWrongAttempt(code: Pick<OneTimeCode, 'id' | 'attempts'>, maxAttempts: number, at: Date): Promise<void> {
  getDb()
    .update(oneTimeCodes)
    .set({ attempts: sql`${oneTimeCodes.attempts} + 1`, invalidatedAt: code.attempts + 1 >= maxAttempts ? at : null })
    .where(eq(oneTimeCodes.id, code.id))
    .run();
}

/** When a code was redeemed, or null if it never was. */
export async function codeUsedAt(codeId: number, accountId: number): Promise<Date | null> {
  const row = getDb()
    .select({ usedAt: oneTimeCodes.usedAt })
    .from(oneTimeCodes)
    .where(and(eq(oneTimeCodes.id, codeId), eq(oneTimeCodes.accountId, accountId)))
    .get();
  return row?.usedAt ?? null;
}
