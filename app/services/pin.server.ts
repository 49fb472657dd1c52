// Changing and verifying account PINs: rules against the customer's own data, reuse, notices, audit.
import { checkPin, type PinRuleId } from '~/utils/pin-rules';
import { getAccount, getAccountPhones, getPinHashes, replacePinHash } from '~/models/account.server';
import {
  addVerificationFailure,
  clearVerificationFailures,
  getVerificationFailures,
} from '~/models/pin-verification-lock.server';
import { recordAudit, type AuditActor } from './audit.server';
import { notifyAccount } from './notifier.server';
import { hashPin, pinMatches } from './pin-hash.server';
import { enforceRateLimit } from './rate-limit.server';

/** How many earlier PINs (besides the current one) a new PIN may not repeat. */
export const PIN_HISTORY_KEPT = 3;
export const VERIFY_MAX_FAILURES = 5;
export const VERIFY_LOCK_MS = 15 * 60 * 1000;
/** Attempts that reach the hashed reuse check, per account: it costs Argon2 time and answers "was this an old PIN?". */
export const PIN_CHANGE_ATTEMPTS = { name: 'pin-change.account', limit: 10, windowMs: 60 * 60 * 1000 };

export type ChangePinResult = { ok: true; changedAt: Date } | { ok: false; broken: PinRuleId[] };

/** Rule failures for a proposed PIN, including reuse of the current or one of the last 3 PINs. */
export async function checkNewPin(accountId: number, pin: string, confirmation?: string): Promise<PinRuleId[]> {
  const account = await getAccount(accountId);
  if (!account) throw new Response('Account not found', { status: 404 });
  const phones = await getAccountPhones(accountId);
  const broken = checkPin(pin, { phones, accountNumber: account.accountNumber, birthDate: account.birthDate }, confirmation);
  if (broken.length > 0) return broken;
  await enforceRateLimit(PIN_CHANGE_ATTEMPTS, String(accountId));
  const recent = await getPinHashes(accountId, PIN_HISTORY_KEPT);
  const reused = (await Promise.all(recent.map((stored) => pinMatches(stored, pin)))).some(Boolean);
  return reused ? ['reused'] : [];
}

export async function changePin(input: {
  accountId: number;
  pin: string;
  confirmation?: string;
  actor: AuditActor;
  now?: Date;
}): Promise<ChangePinResult> {
  const broken = await checkNewPin(input.accountId, input.pin, input.confirmation);
  if (broken.length > 0) return { ok: false, broken };
  const changedAt = input.now ?? new Date();
  await replacePinHash(input.accountId, await hashPin(input.pin), changedAt, PIN_HISTORY_KEPT);
  await clearVerificationFailures(input.accountId);
  await recordAudit({ actor: input.actor, action: 'pin.changed', accountId: input.accountId });
  await notifyAccount(input.accountId, {
    subject: 'Your account PIN was changed',
    body: `Your account PIN was changed on ${formatNoticeDate(changedAt)}. If this wasn't you, call 611 from your phone.`,
  });
  return { ok: true, changedAt };
}

export type VerifyPinResult =
  | { result: 'match' }
  | { result: 'no-match'; attemptsLeft: number; lockedUntil: Date | null }
  | { result: 'locked'; lockedUntil: Date }
  | { result: 'no-pin' };

/** For agents: match or no match; 5 failures lock verification for 15 minutes. Every attempt is audited. */
export async function verifyPin(input: { accountId: number; candidate: string; actor: AuditActor; now?: Date }): Promise<VerifyPinResult> {
  const now = input.now ?? new Date();
  const outcome = await verifyPinUnaudited(input.accountId, input.candidate, now);
  await recordAudit({
    actor: input.actor,
    action: 'pin.verify',
    accountId: input.accountId,
    details: { result: outcome.result, ...('lockedUntil' in outcome && outcome.lockedUntil ? { lockedUntil: outcome.lockedUntil.toISOString() } : {}) },
  });
  return outcome;
}

async function verifyPinUnaudited(accountId: number, candidate: string, now: Date): Promise<VerifyPinResult> {
  const failures = await getVerificationFailures(accountId, now);
  if (failures && failures.failures >= VERIFY_MAX_FAILURES) return { result: 'locked', lockedUntil: failures.resetAt };
  const [current] = await getPinHashes(accountId, 0);
  if (!current) return { result: 'no-pin' };
  // Count the attempt before the slow hash, atomically, so parallel guesses cannot all slip past the check above.
  const attempt = await addVerificationFailure(accountId, now, VERIFY_LOCK_MS);
  if (attempt.failures > VERIFY_MAX_FAILURES) return { result: 'locked', lockedUntil: attempt.resetAt };
  if (await pinMatches(current, candidate)) {
    await clearVerificationFailures(accountId);
    return { result: 'match' };
  }
  const attemptsLeft = VERIFY_MAX_FAILURES - attempt.failures;
  return { result: 'no-match', attemptsLeft, lockedUntil: attemptsLeft === 0 ? attempt.resetAt : null };
}

// Built once: creating an Intl formatter per call costs milliseconds of event-loop time.
const NOTICE_DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

function formatNoticeDate(date: Date): string {
  return `${NOTICE_DATE.format(date)} UTC`;
}
