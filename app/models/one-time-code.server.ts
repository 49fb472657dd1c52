// One-time code rows: stored as keyed hashes, with their line, tries, and when they were used or cancelled.
import { and, desc, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Queries } from '../../db/database';
import type { OneTimeCode } from '../../db/schema';
import { oneTimeCodes } from '../../db/tables';
import { getDb } from './db.server';

export type CodePurpose = OneTimeCode['purpose'];

/** Codes of the account sent to a line (to this line when `phone` is given). */
const onLine = (accountId: number, phone?: string) =>
  and(eq(oneTimeCodes.accountId, accountId), phone === undefined ? isNotNull(oneTimeCodes.phone) : eq(oneTimeCodes.phone, phone));
const unspent = and(isNull(oneTimeCodes.usedAt), isNull(oneTimeCodes.invalidatedAt));

// Someone else's request never cancels a code this browser holds (nor an agent's code, which no browser holds).
const sameBrowser = (browserHash: string | null) =>
  browserHash === null ? isNull(oneTimeCodes.browserHash) : eq(oneTimeCodes.browserHash, browserHash);

export type NewCode = Pick<
  OneTimeCode,
  'accountId' | 'purpose' | 'codeHash' | 'issuedByStaffId' | 'createdAt' | 'expiresAt' | 'browserHash'
> & {
  phone: string;
};

/** Stores a code and cancels the older unused codes of the same purpose, line and browser, in one transaction. */
export async function insertCodeReplacingOlder(code: NewCode): Promise<void> {
  await getDb().transaction((tx) => insertCodeReplacingOlderIn(tx, code));
}

/** insertCodeReplacingOlder inside a transaction the caller holds. */
export async function insertCodeReplacingOlderIn(tx: Queries, code: NewCode): Promise<void> {
  await tx.run((db) =>
    db
      .update(oneTimeCodes)
      .set({ invalidatedAt: code.createdAt })
      .where(and(onLine(code.accountId, code.phone), eq(oneTimeCodes.purpose, code.purpose), sameBrowser(code.browserHash), unspent)),
  );
  await tx.run((db) => db.insert(oneTimeCodes).values(code));
}

/**
 * Unused, uncancelled, unexpired codes of the purposes on the account (on one line when `phone` is given) that this
 * browser may use: those bound to it, and agent-started ones (bound to no browser); newest first.
 */
export async function listLiveCodes(input: {
  accountId: number;
  phone?: string;
  purposes: CodePurpose[];
  browserHash: string | null;
  now: Date;
}): Promise<OneTimeCode[]> {
  const usableHere =
    input.browserHash === null
      ? isNull(oneTimeCodes.browserHash)
      : or(isNull(oneTimeCodes.browserHash), eq(oneTimeCodes.browserHash, input.browserHash));
  return getDb().all((db) =>
    db
      .select()
      .from(oneTimeCodes)
      .where(
        and(
          onLine(input.accountId, input.phone),
          inArray(oneTimeCodes.purpose, input.purposes),
          usableHere,
          unspent,
          gt(oneTimeCodes.expiresAt, input.now),
        ),
      )
      .orderBy(desc(oneTimeCodes.id)),
  );
}

/** Uses the code up; false when another request used or cancelled it first. */
export async function markCodeUsed(codeId: number, at: Date): Promise<boolean> {
  const used = await getDb().run((db) =>
    db
      .update(oneTimeCodes)
      .set({ usedAt: at })
      .where(and(eq(oneTimeCodes.id, codeId), unspent)),
  );
  return used === 1;
}

/** Counts a wrong try on the code; the `maxAttempts`-th cancels it. */
export async function countWrongAttempt(code: Pick<OneTimeCode, 'id' | 'attempts'>, maxAttempts: number, at: Date): Promise<void> {
  await getDb().run((db) =>
    db
      .update(oneTimeCodes)
      .set({ attempts: sql`${oneTimeCodes.attempts} + 1`, invalidatedAt: code.attempts + 1 >= maxAttempts ? at : null })
      .where(eq(oneTimeCodes.id, code.id)),
  );
}

/** When a code was redeemed, or null if it never was. */
export async function codeUsedAt(codeId: number, accountId: number): Promise<Date | null> {
  const row = await getDb().get((db) =>
    db
      .select({ usedAt: oneTimeCodes.usedAt })
      .from(oneTimeCodes)
      .where(and(eq(oneTimeCodes.id, codeId), eq(oneTimeCodes.accountId, accountId))),
  );
  return row?.usedAt ?? null;
}
