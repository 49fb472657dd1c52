// The customer passkey ceremonies behind the JSON endpoints: sign-in, step-up, enrollment and adding a passkey.
// Each returns an answer the route sends as JSON; failures are 4xx with a sentence, never a 500.
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { getAccount } from '~/models/account.server';
import { ensurePerson, findPersonById } from '~/models/person.server';
import { countPasskeys, passkeyCreatedSince, type PasskeyOwner } from '~/models/passkey.server';
import { safeRedirect } from '~/utils/safe-redirect';
import { recordAudit } from './audit.server';
import { enrollmentStateCookie, readEnrollmentState } from './enrollment.server';
import { codeUsedAt } from './one-time-code.server';
import { describeError } from './errors.server';
import { log } from './logger.server';
import { notifyPerson, type Notice } from './notifier.server';
import { clientKey, consumeRateLimit, countOccurrence, describeWait, type RateLimitRule } from './rate-limit.server';
import { getCustomerSession, hasRecentStepUp, markStepUp, startCustomerSession } from './session.server';
import {
  createAuthenticationOptions,
  createRegistrationOptions,
  registerPasskey,
  verifyPasskeyAssertion,
  type CeremonyFailure,
} from './webauthn.server';

export const PASSKEY_CEREMONIES_PER_CLIENT: RateLimitRule = { name: 'passkey-ceremony.client', limit: 30, windowMs: 10 * 60_000 };

export type CeremonyBody =
  | { status: 'success'; options?: PublicKeyCredentialRequestOptionsJSON | PublicKeyCredentialCreationOptionsJSON; redirectTo?: string }
  | { status: 'error'; message: string; redirectTo?: string };

export interface CeremonyAnswer {
  httpStatus: number;
  body: CeremonyBody;
  headers?: Headers;
}

const STEP_UP_PATH = '/account/confirm?redirectTo=%2Faccount%2Fpasskeys';

export function error(httpStatus: number, message: string, redirectTo?: string): CeremonyAnswer {
  return { httpStatus, body: { status: 'error', message, ...(redirectTo ? { redirectTo } : {}) } };
}

export function failureMessage(reason: CeremonyFailure): string {
  switch (reason) {
    case 'unknown credential':
      return 'We do not recognise that passkey; it may have been removed. You can set up a new one with a code.';
    case 'user not verified':
      return 'Your device did not confirm it was you (fingerprint, face or screen lock). Please try again.';
    case 'counter went backwards':
      return 'That passkey answered like a copy of one we have seen before, so we did not accept it. Try another passkey or call 611.';
    case 'credential already registered':
      return 'That passkey is already set up.';
    case 'unknown challenge':
    case 'challenge already used':
    case 'challenge expired':
    case 'challenge from another browser':
      return 'That request expired or was already used. Please try again.';
    default:
      return 'We could not verify that passkey. Please try again.';
  }
}

/** Passkey ceremonies per client; an answer when over the limit, null when allowed. */
export async function ceremonyLimit(context: { clientAddress: string }): Promise<CeremonyAnswer | null> {
  const { allowed, retryAfterSeconds } = await consumeRateLimit(PASSKEY_CEREMONIES_PER_CLIENT, clientKey(context));
  if (allowed) return null;
  return {
    ...error(429, `Too many attempts. Please try again in ${describeWait(retryAfterSeconds)}.`),
    headers: new Headers({ 'Retry-After': String(retryAfterSeconds) }),
  };
}

// Failures anyone can produce without a challenge we issued: counted per day, not written to the audit log one by one.
const UNSOLICITED: ReadonlySet<CeremonyFailure> = new Set(['unknown challenge', 'malformed response']);

/** Records a failed ceremony: an audit event, or for an unsolicited answer only a count (it would flood the log). */
export async function recordCeremonyFailure(reason: CeremonyFailure, event: Parameters<typeof recordAudit>[0]): Promise<void> {
  if (UNSOLICITED.has(reason)) return countOccurrence('ceremony-failures.unknown-challenge');
  await recordAudit(event);
}

async function accountIdOf(owner: PasskeyOwner | undefined): Promise<number | null> {
  if (owner?.kind !== 'customer') return null;
  return (await findPersonById(owner.id))?.accountId ?? null;
}

async function sendNotice(accountId: number, phone: string, message: Notice) {
  try {
    await notifyPerson(accountId, phone, message);
  } catch (failure) {
    // Driver and transport messages can quote recipients: log the kind of failure only.
    log('error', 'notice not queued', describeError(failure));
  }
}

/** A passkey added with a code to someone who already had one is what a SIM-swapper's enrollment looks like: say so. */
function passkeyAddedNotice(hadPasskeys: boolean, byCode: boolean): Notice {
  return {
    subject: 'A passkey was added to your account',
    body:
      hadPasskeys && byCode
        ? "A new passkey was set up with a one-time code for your breach-check account. Your older passkeys still work. If this wasn't you, call 611 from your phone now."
        : "A new passkey was added for signing in to your breach-check account. If this wasn't you, call 611 from your phone.",
  };
}

// ---- sign-in and step-up ----

export async function passkeyAssertionOptions(
  request: Request,
  context: { clientAddress: string },
  mode: 'sign-in' | 'step-up',
): Promise<CeremonyAnswer> {
  const limited = await ceremonyLimit(context);
  if (limited) return limited;
  let owner: PasskeyOwner | undefined;
  if (mode === 'step-up') {
    const session = await getCustomerSession(request);
    if (!session) return error(401, 'Please sign in again.', '/sign-in');
    owner = { kind: 'customer', id: session.customerId };
  }
  const { options, headers } = await createAuthenticationOptions(request, {
    purpose: mode === 'step-up' ? 'step-up' : 'authenticate',
    owner,
  });
  return { httpStatus: 200, body: { status: 'success', options }, headers };
}

/** `via` (autofill or button) is only recorded in the audit log, to see which way customers sign in. */
export async function completePasskeySignIn(
  request: Request,
  context: { clientAddress: string },
  response: AuthenticationResponseJSON,
  redirectTo: unknown,
  via?: 'autofill' | 'button',
): Promise<CeremonyAnswer> {
  const limited = await ceremonyLimit(context);
  if (limited) return limited;
  const result = await verifyPasskeyAssertion(request, response, { purpose: 'authenticate', kind: 'customer' });
  if (!result.ok) {
    await recordCeremonyFailure(result.reason, {
      actor: { type: 'customer', id: result.owner ? String(result.owner.id) : null },
      action: 'sign_in.failed',
      accountId: await accountIdOf(result.owner),
      details: { reason: result.reason, ...(via ? { via } : {}) },
    });
    return error(400, failureMessage(result.reason));
  }
  const customer = await findPersonById(result.owner.id);
  if (!customer) return error(400, failureMessage('unknown credential'));
  const cookie = await startCustomerSession(request, customer.id, { stepUp: true, passkeyId: result.passkey.id });
  await recordAudit({
    actor: { type: 'customer', id: String(customer.id) },
    action: 'sign_in.succeeded',
    accountId: customer.accountId,
    details: { passkeyName: result.passkey.name, ...(via ? { via } : {}) },
  });
  return {
    httpStatus: 200,
    body: { status: 'success', redirectTo: safeRedirect(redirectTo) },
    headers: new Headers({ 'Set-Cookie': cookie, 'Cache-Control': 'no-store' }),
  };
}

export async function completeStepUp(
  request: Request,
  context: { clientAddress: string },
  response: AuthenticationResponseJSON,
): Promise<CeremonyAnswer> {
  const limited = await ceremonyLimit(context);
  if (limited) return limited;
  const session = await getCustomerSession(request);
  if (!session) return error(401, 'Please sign in again.', '/sign-in');
  const owner: PasskeyOwner = { kind: 'customer', id: session.customerId };
  const result = await verifyPasskeyAssertion(request, response, { purpose: 'step-up', kind: 'customer', owner });
  const actor = { type: 'customer' as const, id: String(session.customerId) };
  if (!result.ok) {
    await recordCeremonyFailure(result.reason, {
      actor,
      action: 'step_up.failed',
      accountId: session.accountId,
      details: { reason: result.reason },
    });
    return error(400, failureMessage(result.reason));
  }
  await markStepUp(session);
  await recordAudit({ actor, action: 'step_up.succeeded', accountId: session.accountId, details: { passkeyName: result.passkey.name } });
  return { httpStatus: 200, body: { status: 'success' } };
}

// ---- registration: first passkey (enrollment) or another one ----

export type RegistrationContext = 'enroll' | 'add';

async function registrationOwner(
  request: Request,
  context: RegistrationContext,
): Promise<{ ok: true; customerId: number; accountId: number; phone: string; userHandle: string } | { ok: false; answer: CeremonyAnswer }> {
  if (context === 'enroll') {
    const state = readEnrollmentState(request);
    if (state?.step !== 'verified') {
      return { ok: false, answer: error(400, 'Your code check has expired. Please start again.', '/enroll') };
    }
    const customer = await ensurePerson(state.accountId, state.phone);
    if (customer.accessRemovedAt) {
      return {
        ok: false,
        answer: error(403, 'The account holder removed your access to this account. Ask them to restore it.', '/enroll'),
      };
    }
    // One verified code sets up one passkey: a copied enrollment cookie cannot add another.
    const usedAt = await codeUsedAt(state.codeId, state.accountId);
    if (!usedAt || (await passkeyCreatedSince({ kind: 'customer', id: customer.id }, usedAt))) {
      return {
        ok: false,
        answer: error(400, 'That code has already been used to set up a passkey. Sign in with it, or start again.', '/enroll'),
      };
    }
    return { ok: true, customerId: customer.id, accountId: customer.accountId, phone: customer.phone, userHandle: customer.webauthnUserId };
  }
  const session = await getCustomerSession(request);
  if (!session) return { ok: false, answer: error(401, 'Please sign in again.', '/sign-in') };
  if (!hasRecentStepUp(session)) {
    return { ok: false, answer: error(403, 'Please confirm it is you with a passkey first.', STEP_UP_PATH) };
  }
  const customer = (await findPersonById(session.customerId))!;
  return { ok: true, customerId: customer.id, accountId: customer.accountId, phone: customer.phone, userHandle: customer.webauthnUserId };
}

export async function passkeyRegistrationOptions(
  request: Request,
  context: { clientAddress: string },
  registration: RegistrationContext,
): Promise<CeremonyAnswer> {
  const limited = await ceremonyLimit(context);
  if (limited) return limited;
  const who = await registrationOwner(request, registration);
  if (!who.ok) return who.answer;
  const account = await getAccount(who.accountId);
  const { options, headers } = await createRegistrationOptions(request, {
    owner: { kind: 'customer', id: who.customerId },
    userHandle: who.userHandle,
    // Shown in the device's passkey picker: enough to tell accounts and the people on one apart, not whole numbers.
    userName: `Account ending ${account?.accountNumber.slice(-4) ?? ''}, line ending ${who.phone.slice(-4)}`,
  });
  return { httpStatus: 200, body: { status: 'success', options }, headers };
}

export async function completePasskeyRegistration(
  request: Request,
  context: { clientAddress: string },
  response: RegistrationResponseJSON,
  registration: RegistrationContext,
): Promise<CeremonyAnswer> {
  const limited = await ceremonyLimit(context);
  if (limited) return limited;
  const who = await registrationOwner(request, registration);
  if (!who.ok) return who.answer;
  const owner: PasskeyOwner = { kind: 'customer', id: who.customerId };
  const olderPasskeys = await countPasskeys(owner);
  const result = await registerPasskey(request, owner, response);
  const actor = { type: 'customer' as const, id: String(who.customerId) };
  if (!result.ok) {
    await recordAudit({
      actor,
      action: 'passkey.add_failed',
      accountId: who.accountId,
      details: { reason: result.reason, context: registration },
    });
    return error(400, failureMessage(result.reason));
  }
  await recordAudit({
    actor,
    action: 'passkey.added',
    accountId: who.accountId,
    details: { passkeyName: result.passkey.name, context: registration },
  });
  await sendNotice(who.accountId, who.phone, passkeyAddedNotice(olderPasskeys > 0, registration === 'enroll'));
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  if (registration === 'add') {
    return { httpStatus: 200, body: { status: 'success', redirectTo: '/account/passkeys?added=1' }, headers };
  }
  const state = readEnrollmentState(request);
  const purpose = state?.step === 'verified' ? state.purpose : 'enroll';
  await recordAudit({ actor, action: 'customer.enrolled', accountId: who.accountId, details: { purpose, olderPasskeys } });
  // Creating a passkey with user verification right after the code check counts as a fresh verification.
  headers.append('Set-Cookie', await startCustomerSession(request, who.customerId, { stepUp: true, passkeyId: result.passkey.id }));
  headers.append('Set-Cookie', enrollmentStateCookie(null));
  // An agent-started code is for a holder who lost the PIN: it leads straight to the 24-hour reset.
  const redirectTo = purpose === 'agent-reset' ? '/account/pin?forgot=1' : '/account?welcome=1';
  return { httpStatus: 200, body: { status: 'success', redirectTo }, headers };
}
