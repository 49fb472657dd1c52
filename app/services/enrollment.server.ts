// Enrollment by one-time code: request (same answer whether or not the details match), verify, then passkey.
// State between steps lives in a signed, HttpOnly, 10-minute cookie, never in fields the browser could alter.
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { findAccountIdByNumber, findLine, findPerson } from '~/models/person.server';
import { clearCookie, cookieName, readCookie, serializeCookie } from './cookies.server';
import { log } from './logger.server';
import { textLine } from './notifier.server';
import { CODE_TTL_MS, generateCode, hashCode, issueOneTimeCode, redeemOneTimeCode, type CodePurpose } from './one-time-code.server';
import { clientKey, consumeRateLimit, enforceRateLimit, subjectKey, type RateLimitRule } from './rate-limit.server';
import { signPayload, verifyPayload } from './tokens.server';

export { CODE_SENT_MESSAGE } from '~/utils/enrollment-messages';

const HOUR = 60 * 60_000;
export const CODE_REQUESTS_PER_CLIENT: RateLimitRule = { name: 'enroll-code.client', limit: 10, windowMs: HOUR };
// Keyed by the typed account number + phone pair, whether or not it matches, so a 429 reveals nothing.
export const CODE_REQUESTS_PER_DETAILS: RateLimitRule = { name: 'enroll-code.details', limit: 3, windowMs: HOUR };
// Caps messages to one account across all its phone numbers; silent, so it cannot reveal the account exists.
const CODE_SENDS_PER_ACCOUNT: RateLimitRule = { name: 'enroll-code.account-sends', limit: 5, windowMs: HOUR };
export const CODE_ATTEMPTS_PER_CLIENT: RateLimitRule = { name: 'code-attempts.client', limit: 20, windowMs: 15 * 60_000 };

/** Every code request takes at least this long, so a match (which also sends) is not slower to answer. */
export const CODE_REQUEST_MIN_MS = 400;

const STATE_COOKIE = 'bc_enroll';

const stateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('code-sent'), accountNumber: z.string(), phone: z.string(), exp: z.number() }),
  z.object({
    step: z.literal('verified'),
    accountId: z.number().int(),
    /** The line the code went to: the person who enrolls is that line's. */
    phone: z.string(),
    codeId: z.number().int(),
    purpose: z.enum(['enroll', 'agent-reset']),
    exp: z.number(),
  }),
]);
export type EnrollmentState = z.infer<typeof stateSchema>;

export function readEnrollmentState(request: Request, now = Date.now()): EnrollmentState | null {
  const parsed = stateSchema.safeParse(verifyPayload('enroll', readCookie(request, cookieName(STATE_COOKIE))));
  if (!parsed.success || parsed.data.exp <= now) return null;
  return parsed.data;
}

/** Set-Cookie for the next step (or to forget the enrollment when `state` is null). */
export function enrollmentStateCookie(state: EnrollmentState | null): string {
  if (!state) return clearCookie(cookieName(STATE_COOKIE));
  return serializeCookie(cookieName(STATE_COOKIE), signPayload('enroll', state), Math.ceil((state.exp - Date.now()) / 1000));
}

export function codeMessage(code: string) {
  return {
    subject: 'Your breach-check code',
    body: `Your breach-check code is ${code}. It expires in 10 minutes. We will never call or text to ask for it.`,
  };
}

/**
 * Sends a code by text to the typed line only, when it is one of the account's lines (whoever holds the weakest
 * contact on file must not win); answers the same way and in about the same time when it is not. Throws a 429
 * Response when the client or these details asked too often.
 */
export async function requestEnrollmentCode(
  details: { accountNumber: string; phone: string },
  context: { clientAddress: string },
): Promise<EnrollmentState> {
  const started = Date.now();
  await enforceRateLimit(CODE_REQUESTS_PER_CLIENT, clientKey(context));
  await enforceRateLimit(CODE_REQUESTS_PER_DETAILS, subjectKey(`${details.accountNumber}|${details.phone}`));
  // The same work on both paths: a code is drawn and hashed whether or not it will be stored.
  const code = generateCode();
  hashCode(0, code);
  const line = await findLine(details.accountNumber, details.phone);
  // A person whose access the holder removed gets no code until the holder restores it (the notice told them so).
  const removed = line ? (await findPerson(line.accountId, details.phone))?.accessRemovedAt : null;
  if (line && !removed) {
    const { allowed } = await consumeRateLimit(CODE_SENDS_PER_ACCOUNT, String(line.accountId));
    if (allowed) {
      await issueOneTimeCode({ accountId: line.accountId, phone: details.phone, purpose: 'enroll', code });
      try {
        await textLine(line.accountId, details.phone, codeMessage(code));
      } catch (error) {
        // The message may quote recipients or the code: log what failed, never the details.
        log('error', 'enrollment code not queued', { error: error instanceof Error ? error.name : 'unknown' });
      }
    }
  }
  const elapsed = Date.now() - started;
  if (elapsed < CODE_REQUEST_MIN_MS) await sleep(CODE_REQUEST_MIN_MS - elapsed);
  return { step: 'code-sent', accountNumber: details.accountNumber, phone: details.phone, exp: Date.now() + CODE_TTL_MS };
}

export const WRONG_CODE_MESSAGE =
  'That code is not right, or it has expired or been replaced. Check the latest message we sent, or ask for a new code.';

/**
 * Checks a typed code for the account number (and the line it was asked for, when known). On success returns the
 * verified state for the code's line (10 minutes, this browser only, since it lives in this browser's signed
 * cookie); otherwise null with one message for every failure.
 */
export async function verifyEnrollmentCode(
  input: { accountNumber: string; phone?: string; code: string; purposes: CodePurpose[] },
  context: { clientAddress: string },
): Promise<EnrollmentState | null> {
  await enforceRateLimit(CODE_ATTEMPTS_PER_CLIENT, clientKey(context));
  const accountId = await findAccountIdByNumber(input.accountNumber);
  const check = await redeemOneTimeCode({ accountId, phone: input.phone, code: input.code, purposes: input.purposes });
  if (!check.ok) return null;
  return {
    step: 'verified',
    accountId: check.accountId,
    phone: check.phone,
    codeId: check.codeId,
    purpose: check.purpose,
    exp: Date.now() + CODE_TTL_MS,
  };
}
