// One-time codes (enrollment, agent-started resets): 6 digits, 10 minutes, single use, 5 tries, stored as HMACs.
import { randomInt } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { oneTimeCodes, type OneTimeCode } from '../../db/schema';
import { getDb } from '~/models/db.server';
import { keyedHash, safeEqual } from './tokens.server';

export const CODE_TTL_MS = 10 * 60_000;
export const MAX_CODE_ATTEMPTS = 5;

export type CodePurpose = OneTimeCode['purpose'];

export function generateCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** HMAC-SHA-256 with the session secret; the account id keeps equal codes on two accounts apart. */
export function hashCode(accountId: number, code: string): string {
  return keyedHash('one-time-code', `${accountId}:${code}`);
}

/** Issues a code for one line and invalidates that line's older unused codes of the same purpose; returns it for delivery only. */
export async function issueOneTimeCode(input: {
  accountId: number;
  /** The line the code is sent to: whoever types it becomes that line's person. */
  phone: string;
  purpose: CodePurpose;
  issuedByStaffId?: number | null;
  code?: string;
}): Promise<string> {
  const code = input.code ?? generateCode();
  const now = new Date();
  getDb().transaction((tx) => {
    tx.update(oneTimeCodes)
      .set({ invalidatedAt: now })
      .where(
        and(
          eq(oneTimeCodes.accountId, input.accountId),
          eq(oneTimeCodes.phone, input.phone),
          eq(oneTimeCodes.purpose, input.purpose),
          isNull(oneTimeCodes.usedAt),
          isNull(oneTimeCodes.invalidatedAt),
        ),
      )
      .run();
    tx.insert(oneTimeCodes)
      .values({
        accountId: input.accountId,
        phone: input.phone,
        purpose: input.purpose,
        codeHash: hashCode(input.accountId, code),
        issuedByStaffId: input.issuedByStaffId ?? null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      })
      .run();
  });
  return code;
}

export type CodeCheck =
  | { ok: true; codeId: number; accountId: number; phone: string; purpose: CodePurpose }
  | { ok: false; reason: 'no code' | 'wrong code' };

/**
 * Checks a typed code against the live codes of the given purposes on the account (on one line of it when `phone`
 * is given). A wrong code counts an attempt on each of them; the fifth wrong attempt invalidates the code. A right
 * code is used up at once and names the line it was sent to.
 */
export async function redeemOneTimeCode(input: {
  accountId: number | null;
  phone?: string;
  code: string;
  purposes: CodePurpose[];
}): Promise<CodeCheck> {
  const accountId = input.accountId ?? 0;
  // Hash even when there is no account, so both paths cost the same.
  const typedHash = hashCode(accountId, input.code);
  if (input.accountId === null) return { ok: false, reason: 'no code' };
  const db = getDb();
  const now = new Date();
  const live = db
    .select()
    .from(oneTimeCodes)
    .where(
      and(
        eq(oneTimeCodes.accountId, accountId),
        input.phone === undefined ? isNotNull(oneTimeCodes.phone) : eq(oneTimeCodes.phone, input.phone),
        inArray(oneTimeCodes.purpose, input.purposes),
        isNull(oneTimeCodes.usedAt),
        isNull(oneTimeCodes.invalidatedAt),
        gt(oneTimeCodes.expiresAt, now),
      ),
    )
    .orderBy(desc(oneTimeCodes.id))
    .all()
    .filter((row) => row.attempts < MAX_CODE_ATTEMPTS);
  if (live.length === 0) return { ok: false, reason: 'no code' };

  const match = live.find((row) => safeEqual(row.codeHash, typedHash));
  if (match) {
    const used = db
      .update(oneTimeCodes)
      .set({ usedAt: now })
      .where(and(eq(oneTimeCodes.id, match.id), isNull(oneTimeCodes.usedAt), isNull(oneTimeCodes.invalidatedAt)))
      .run();
    if (used.changes === 1) return { ok: true, codeId: match.id, accountId, phone: match.phone!, purpose: match.purpose };
    return { ok: false, reason: 'no code' };
  }
  for (const row of live) {
    db.update(oneTimeCodes)
      .set({
        attempts: sql`${oneTimeCodes.attempts} + 1`,
        invalidatedAt: row.attempts + 1 >= MAX_CODE_ATTEMPTS ? now : null,
      })
      .where(eq(oneTimeCodes.id, row.id))
      .run();
  }
  return { ok: false, reason: 'wrong code' };
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
