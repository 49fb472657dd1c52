// One-time codes (enrollment, agent-started resets): 6 digits, 10 minutes, single use, 5 tries, stored as HMACs.
// An enrollment code is bound to the browser that asked for it; an agent-started code, to no browser.
import { randomInt } from 'node:crypto';
import {
  countWrongAttempt,
  insertCodeReplacingOlder,
  listLiveCodes,
  markCodeUsed,
  type CodePurpose,
  type NewCode,
} from '~/models/one-time-code.server';
import { keyedHash, safeEqual } from './tokens.server';

export type { CodePurpose };
export { codeUsedAt } from '~/models/one-time-code.server';

export const CODE_TTL_MS = 10 * 60_000;
export const MAX_CODE_ATTEMPTS = 5;

export function generateCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** HMAC-SHA-256 with the session secret; the account id keeps equal codes on two accounts apart. */
export function hashCode(accountId: number, code: string): string {
  return keyedHash('one-time-code', `${accountId}:${code}`);
}

type CodeRequest = {
  accountId: number;
  /** The line the code is sent to: whoever types it becomes that line's person. */
  phone: string;
  purpose: CodePurpose;
  /** The asking browser's binding (enrollment); none for an agent-started code, typed in the customer's own browser. */
  browserHash?: string | null;
  issuedByStaffId?: number | null;
  code?: string;
};

/** A new code and the row that stores it (hashed), for a caller that stores it in a transaction of its own. */
export function prepareOneTimeCode(input: CodeRequest): { code: string; row: NewCode } {
  const code = input.code ?? generateCode();
  const now = new Date();
  return {
    code,
    row: {
      accountId: input.accountId,
      phone: input.phone,
      purpose: input.purpose,
      codeHash: hashCode(input.accountId, code),
      browserHash: input.browserHash ?? null,
      issuedByStaffId: input.issuedByStaffId ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    },
  };
}

/** Issues a code for one line (replacing the older ones of the same browser); returns it for delivery only. */
export async function issueOneTimeCode(input: CodeRequest): Promise<string> {
  const { code, row } = prepareOneTimeCode(input);
  await insertCodeReplacingOlder(row);
  return code;
}

export type CodeCheck =
  { ok: true; codeId: number; accountId: number; phone: string; purpose: CodePurpose } | { ok: false; reason: 'no code' | 'wrong code' };

/**
 * Checks a typed code against the live codes this browser may use (its own, and agent-started ones). A wrong code
 * counts a try only on this browser's own codes, never on a code someone else holds; the fifth cancels it. A right
 * code is used up at once and names the line it was sent to.
 */
export async function redeemOneTimeCode(input: {
  accountId: number | null;
  phone?: string;
  code: string;
  purposes: CodePurpose[];
  browserHash: string | null;
}): Promise<CodeCheck> {
  const accountId = input.accountId ?? 0;
  // Hash even when there is no account, so both paths cost the same.
  const typedHash = hashCode(accountId, input.code);
  if (input.accountId === null) return { ok: false, reason: 'no code' };
  const now = new Date();
  const live = (
    await listLiveCodes({ accountId, phone: input.phone, purposes: input.purposes, browserHash: input.browserHash, now })
  ).filter((row) => row.attempts < MAX_CODE_ATTEMPTS);
  if (live.length === 0) return { ok: false, reason: 'no code' };

  const match = live.find((row) => safeEqual(row.codeHash, typedHash));
  if (match) {
    if (await markCodeUsed(match.id, now)) return { ok: true, codeId: match.id, accountId, phone: match.phone!, purpose: match.purpose };
    return { ok: false, reason: 'no code' };
  }
  for (const row of live)
    if (row.browserHash !== null && row.browserHash === input.browserHash) await countWrongAttempt(row, MAX_CODE_ATTEMPTS, now);
  return { ok: false, reason: 'wrong code' };
}
