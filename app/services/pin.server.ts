// Changing and verifying account PINs: only the holder changes it, with the current PIN when one is set; rules
// against the account's own data, reuse, notices to the holder's contacts, audit.
import { getAccount, getAccountPhones, getPinHashes, replacePinHash } from '~/models/account.server';
import { cancelPendingPinReset } from '~/models/pin-reset.server';
import { addVerificationFailure, clearVerificationFailures, getVerificationFailures } from '~/models/pin-verification-lock.server';
import { checkPin, type PinRuleId } from '~/utils/pin-rules';
import { recordAudit, type AuditActor } from './audit.server';
import { notifyHolder } from './notifier.server';
import { hashPin, pinMatches } from './pin-hash.server';
import { enforceRateLimit } from './rate-limit.server';
import { requireRight } from './rights.server';
import type { CustomerSession } from './session.server';

/** How many earlier PINs (besides the current one) a new PIN may not repeat. */
export const PIN_HISTORY_KEPT = 3;
export const VERIFY_MAX_FAILURES = 5;
export const VERIFY_LOCK_MS = 15 * 60 * 1000;
/** Attempts that reach the hashed reuse check, per account: it costs Argon2 time and answers "was this an old PIN?". */
export const PIN_CHANGE_ATTEMPTS = { name: 'pin-change.account', limit: 10, windowMs: 60 * 60 * 1000 };

export type CurrentPinProblem =
  { problem: 'missing' } | { problem: 'wrong'; attemptsLeft: number; lockedUntil: Date | null } | { problem: 'locked'; lockedUntil: Date };

export type ChangePinResult =
  { ok: true; changedAt: Date } | { ok: false; broken: PinRuleId[] } | ({ ok: false; broken: [] } & CurrentPinProblem);

/**
 * Rule failures for a proposed PIN; `checkReuse` adds the current PIN and the last 3 (hashed, rate limited). With
 * `verifiedCurrent` (a PIN just matched against that hash) the new PIN is compared with it as text and that hash is
 * skipped, saving an Argon2 run; any other hash read now (a PIN changed meanwhile) is still checked.
 */
export async function checkNewPin(
  accountId: number,
  pin: string,
  confirmation: string | undefined,
  checkReuse = true,
  verifiedCurrent?: { pin: string; hash: string },
): Promise<PinRuleId[]> {
  const account = await getAccount(accountId);
  if (!account) throw new Response('messages:accountNotFound', { status: 404 });
  const phones = await getAccountPhones(accountId);
  const broken = checkPin(pin, { phones, accountNumber: account.accountNumber, birthDate: account.birthDate }, confirmation);
  if (broken.length > 0 || !checkReuse) return broken;
  await enforceRateLimit(PIN_CHANGE_ATTEMPTS, String(accountId));
  const recent = await getPinHashes(accountId, PIN_HISTORY_KEPT);
  if (verifiedCurrent && pin === verifiedCurrent.pin) return ['reused'];
  const hashed = recent.filter((stored) => stored !== verifiedCurrent?.hash);
  const reused = (await Promise.all(hashed.map((stored) => pinMatches(stored, pin)))).some(Boolean);
  return reused ? ['reused'] : [];
}

export const customerActor = (session: Pick<CustomerSession, 'customerId'>): AuditActor => ({
  type: 'customer',
  id: String(session.customerId),
});

/**
 * The holder changes the PIN at once: with the current PIN when the account has one (a wrong one counts toward the
 * Verify PIN lock), or straight away when it has none yet. Anyone else gets a 403: the PIN is the holder's lock.
 */
export async function changePin(input: {
  session: Pick<CustomerSession, 'accountId' | 'customerId' | 'role'>;
  currentPin?: string;
  pin: string;
  confirmation?: string;
  now?: Date;
}): Promise<ChangePinResult> {
  const { session } = input;
  requireRight(session, 'change-pin');
  const now = input.now ?? new Date();
  const [current] = await getPinHashes(session.accountId, 0);
  let matched = false;
  if (current) {
    if (!input.currentPin) return { ok: false, broken: [], problem: 'missing' };
    const check = await checkPinAgainstLock(session.accountId, input.currentPin, now);
    matched = check.result === 'match';
    if (check.result === 'locked' || check.result === 'no-match') {
      await recordAudit({
        actor: customerActor(session),
        action: 'pin.current_pin_refused',
        accountId: session.accountId,
        details: { result: check.result },
      });
      if (check.result === 'locked') return { ok: false, broken: [], problem: 'locked', lockedUntil: check.lockedUntil };
      return { ok: false, broken: [], problem: 'wrong', attemptsLeft: check.attemptsLeft, lockedUntil: check.lockedUntil };
    }
  }
  const verified = current && input.currentPin && matched ? { pin: input.currentPin, hash: current } : undefined;
  const broken = await checkNewPin(session.accountId, input.pin, input.confirmation, true, verified);
  if (broken.length > 0) return { ok: false, broken };
  await replacePinHash(session.accountId, await hashPin(input.pin), now, PIN_HISTORY_KEPT);
  await clearVerificationFailures(session.accountId);
  // A PIN chosen with the current one replaces any 24-hour reset still waiting.
  const superseded = await cancelPendingPinReset(session.accountId, 'superseded', now);
  await recordAudit({
    actor: customerActor(session),
    action: current ? 'pin.changed' : 'pin.set',
    accountId: session.accountId,
    details: superseded ? { supersededResetId: superseded.id } : undefined,
  });
  await notifyHolder(session.accountId, { key: current ? 'pinChanged' : 'pinSet', values: { at: now } });
  return { ok: true, changedAt: now };
}

export type VerifyPinResult =
  | { result: 'match' }
  | { result: 'no-match'; attemptsLeft: number; lockedUntil: Date | null }
  | { result: 'locked'; lockedUntil: Date }
  | { result: 'no-pin' };

/** For agents: match or no match; 5 failures lock verification for 15 minutes. Every attempt is audited. */
export async function verifyPin(input: { accountId: number; candidate: string; actor: AuditActor; now?: Date }): Promise<VerifyPinResult> {
  const now = input.now ?? new Date();
  const outcome = await checkPinAgainstLock(input.accountId, input.candidate, now);
  await recordAudit({
    actor: input.actor,
    action: 'pin.verify',
    accountId: input.accountId,
    details: {
      result: outcome.result,
      ...('lockedUntil' in outcome && outcome.lockedUntil ? { lockedUntil: outcome.lockedUntil.toISOString() } : {}),
    },
  });
  return outcome;
}

/** One PIN check under the account's lock, shared by agents' Verify PIN and the holder's current PIN. */
async function checkPinAgainstLock(accountId: number, candidate: string, now: Date): Promise<VerifyPinResult> {
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
