// Enrollment by one-time code: request (same answer whether or not the details match), verify, then passkey.
// State between steps lives in a signed, HttpOnly, 10-minute cookie, never in fields the browser could alter.
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { insertCodeReplacingOlderIn } from '~/models/one-time-code.server';
import { queueMessagesIn } from '~/models/outbox.server';
import { findAccountIdByNumber, findLine, findPerson } from '~/models/person.server';
import { writeTransaction } from '~/models/transaction.server';
import { browserBinding, type Binding } from './browser-binding.server';
import { clearCookie, cookieName, readCookie, serializeCookie } from './cookies.server';
import { describeError } from './errors.server';
import { requestLanguage } from './i18n.server';
import { log } from './logger.server';
import { messagesQueued, notifyHolder, textLineRows, type Notice } from './notifier.server';
import { CODE_TTL_MS, prepareOneTimeCode, redeemOneTimeCode, type CodePurpose } from './one-time-code.server';
import {
  clientKey,
  consumeRateLimitIn,
  enforceRateLimit,
  reserveFailure,
  type FailureReservation,
  subjectKey,
  tooManyAttempts,
  type RateLimitRule,
} from './rate-limit.server';
import { signPayload, verifyPayload } from './tokens.server';

export { browserBinding };

const HOUR = 60 * 60_000;
export const CODE_REQUESTS_PER_CLIENT: RateLimitRule = { name: 'enroll-code.client', limit: 10, windowMs: HOUR };
// Keyed by the typed pair and the client, whether or not it matches: a 429 reveals nothing, and a stranger who uses
// up their own requests for someone's details does not block that person.
export const CODE_REQUESTS_PER_DETAILS: RateLimitRule = { name: 'enroll-code.details', limit: 3, windowMs: HOUR };
// Caps messages to one account across all its lines and clients, against text-message floods; silent, so it cannot
// reveal that the account exists.
export const CODE_SENDS_PER_ACCOUNT: RateLimitRule = { name: 'enroll-code.account-sends', limit: 10, windowMs: HOUR };
export const CODE_ATTEMPTS_PER_CLIENT: RateLimitRule = { name: 'code-attempts.client', limit: 20, windowMs: 15 * 60_000 };
/** Wrong codes count against the browser that typed them (and no one else's code). */
export const WRONG_CODES_PER_BROWSER: RateLimitRule = { name: 'wrong-codes.browser', limit: 5, windowMs: 15 * 60_000 };
/** Wrong codes per typed account number per day, across every browser: the ceiling on guessing, which exists or not. */
export const WRONG_CODES_PER_ACCOUNT: RateLimitRule = { name: 'wrong-codes.account', limit: 15, windowMs: 24 * HOUR };

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

export function codeMessage(code: string): Notice {
  return { key: 'code', values: { code } };
}

/**
 * Sends a code by text to the typed line only, when it is one of the account's lines (whoever holds the weakest
 * contact on file must not win), bound to this browser. Answers the same way, and at the same moment, whether or not
 * it matches: both paths read first, then make all their writes in one write transaction (the code and its message
 * ride along only on a match), so waiting for another writer (an import) costs both the same, once; the answer
 * then waits for a fixed deadline. Throws a 429 Response when asked too often.
 */
export async function requestEnrollmentCode(
  request: Request,
  details: { accountNumber: string; phone: string },
  context: { clientAddress: string },
): Promise<{ state: EnrollmentState; cookies: string[] }> {
  const deadline = Date.now() + CODE_REQUEST_MIN_MS;
  const binding = browserBinding(request, true);
  // The code is worded in the language of the page it was asked from: the person's choice at that moment.
  const language = await requestLanguage(request);
  const line = await findLine(details.accountNumber, details.phone);
  // A person whose access the holder removed gets no code until the holder restores it (the notice told them so).
  const removed = line ? (await findPerson(line.accountId, details.phone))?.accessRemovedAt : null;
  // Drawn, hashed and checked on both paths, so a match costs no more work than a miss before the answer.
  const prepared = prepareOneTimeCode({
    accountId: line?.accountId ?? 0,
    phone: details.phone,
    purpose: 'enroll',
    browserHash: binding.hash,
  });
  const message = textLineRows(line?.accountId ?? 0, details.phone, codeMessage(prepared.code), {
    expiresAt: prepared.row.expiresAt,
    language,
  });
  const send = line && !removed ? { accountId: line.accountId } : null;
  const outcome = await writeTransaction(async (tx): Promise<{ limitedFor: number } | { sent: boolean }> => {
    for (const [rule, subject] of [
      [CODE_REQUESTS_PER_CLIENT, clientKey(context)],
      [CODE_REQUESTS_PER_DETAILS, subjectKey(`${details.accountNumber}|${details.phone}|${clientKey(context)}`)],
    ] as const) {
      const limit = await consumeRateLimitIn(tx, rule, subject);
      if (!limit.allowed) return { limitedFor: limit.retryAfterSeconds };
    }
    if (send && (await consumeRateLimitIn(tx, CODE_SENDS_PER_ACCOUNT, String(send.accountId))).allowed) {
      await insertCodeReplacingOlderIn(tx, prepared.row);
      await queueMessagesIn(tx, message);
      return { sent: true };
    }
    return { sent: false };
  });
  if ('limitedFor' in outcome) throw tooManyAttempts(outcome.limitedFor);
  if (outcome.sent) messagesQueued();
  else if (send) log('debug', 'enrollment code not sent: the account reached its hourly messages', {});
  const wait = deadline - Date.now();
  if (wait > 0) await sleep(wait);
  const state: EnrollmentState = {
    step: 'code-sent',
    accountNumber: details.accountNumber,
    phone: details.phone,
    exp: Date.now() + CODE_TTL_MS,
  };
  return { state, cookies: binding.setCookie ? [binding.setCookie] : [] };
}

export const WRONG_CODE_MESSAGE = 'messages:code.wrong';

/**
 * Checks a typed code for the account number (and the line it was asked for, when known), among the codes this
 * browser may use. On success returns the verified state (10 minutes, this browser only, since it lives in this
 * browser's signed cookie); otherwise null with one message for every failure. A wrong code counts against this
 * browser (the caller passes its binding, created if it had none) and against the typed account number's daily
 * ceiling; reaching the ceiling tells the holder, once.
 * Throws a 429 Response while this browser or this account number may not try.
 */
export async function verifyEnrollmentCode(
  browser: Binding,
  input: { accountNumber: string; phone?: string; code: string; purposes: CodePurpose[] },
  context: { clientAddress: string },
): Promise<EnrollmentState | null> {
  await enforceRateLimit(CODE_ATTEMPTS_PER_CLIENT, clientKey(context));
  const browserKey = browser.hash;
  const accountKey = subjectKey(input.accountNumber);
  // Reserved before the check, so a burst of wrong codes sent at once is capped like the same tries one by one.
  const reservations: FailureReservation[] = [];
  for (const [rule, subject, sentence] of [
    [WRONG_CODES_PER_BROWSER, browserKey, undefined],
    [WRONG_CODES_PER_ACCOUNT, accountKey, 'messages:code.paused'],
  ] as const) {
    const reservation = await reserveFailure(rule, subject);
    if (!reservation.allowed) {
      await Promise.all(reservations.map((earlier) => earlier.release()));
      throw tooManyAttempts(reservation.retryAfterSeconds, sentence);
    }
    reservations.push(reservation);
  }
  const [, accountFailures] = reservations;
  const accountId = await findAccountIdByNumber(input.accountNumber);
  const check = await redeemOneTimeCode({
    accountId,
    phone: input.phone,
    code: input.code,
    purposes: input.purposes,
    browserHash: browser.hash,
  });
  if (check.ok) {
    await Promise.all(reservations.map((reservation) => reservation.release()));
    return {
      step: 'verified',
      accountId: check.accountId,
      phone: check.phone,
      codeId: check.codeId,
      purpose: check.purpose,
      exp: Date.now() + CODE_TTL_MS,
    };
  }
  if (accountFailures!.count === WRONG_CODES_PER_ACCOUNT.limit && accountId !== null) await tellHolderCodesArePaused(accountId);
  return null;
}

async function tellHolderCodesArePaused(accountId: number): Promise<void> {
  try {
    await notifyHolder(accountId, { key: 'codesPaused' });
  } catch (error) {
    log('error', 'notice not queued', describeError(error));
  }
}
