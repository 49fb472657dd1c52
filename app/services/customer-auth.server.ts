// The customer passkey ceremonies behind the JSON endpoints: sign-in, step-up, enrollment and adding a passkey.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { getAccount } from '~/models/account.server';
import { countPasskeys, passkeyCreatedSince, type PasskeyOwner } from '~/models/passkey.server';
import { ensurePerson, findPersonById } from '~/models/person.server';
import { safeRedirect } from '~/utils/safe-redirect';
import { recordAudit } from './audit.server';
import {
  error,
  failureMessage,
  limitedCeremony,
  optionsAnswer,
  recordCeremonyFailure,
  signedInAnswer,
  type CeremonyAnswer,
  type ClientContext,
} from './ceremony.server';
import { enrollmentStateCookie, readEnrollmentState } from './enrollment.server';
import { describeError } from './errors.server';
import { adoptPageLanguage } from './i18n.server';
import { log } from './logger.server';
import { notifyPerson, type Notice } from './notifier.server';
import { codeUsedAt } from './one-time-code.server';
import { getCustomerSession, hasRecentStepUp, markStepUp, startCustomerSession } from './session.server';
import { createAuthenticationOptions, createRegistrationOptions, registerPasskey, verifyPasskeyAssertion } from './webauthn.server';

const STEP_UP_PATH = '/account/confirm?redirectTo=%2Faccount%2Fpasskeys';

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
  return { key: 'passkeyAdded', body: hadPasskeys && byCode ? 'byCode' : 'body' };
}

// ---- sign-in and step-up ----

export function passkeyAssertionOptions(request: Request, context: ClientContext, mode: 'sign-in' | 'step-up'): Promise<CeremonyAnswer> {
  return limitedCeremony(context, async () => {
    let owner: PasskeyOwner | undefined;
    if (mode === 'step-up') {
      const session = await getCustomerSession(request);
      if (!session) return error(401, 'messages:signInAgain', '/sign-in');
      owner = { kind: 'customer', id: session.customerId };
    }
    const { options, headers } = await createAuthenticationOptions(request, {
      purpose: mode === 'step-up' ? 'step-up' : 'authenticate',
      owner,
    });
    return optionsAnswer(options, headers);
  });
}

/** `via` (autofill or button) is only recorded in the audit log, to see which way customers sign in. */
export function completePasskeySignIn(
  request: Request,
  context: ClientContext,
  response: AuthenticationResponseJSON,
  redirectTo: unknown,
  via?: 'autofill' | 'button',
): Promise<CeremonyAnswer> {
  return limitedCeremony(context, async () => {
    const result = await verifyPasskeyAssertion(request, response, { purpose: 'authenticate', kind: 'customer' });
    const viaDetail = via ? { via } : {};
    if (!result.ok) {
      await recordCeremonyFailure(result.reason, {
        actor: { type: 'customer', id: result.owner ? String(result.owner.id) : null },
        action: 'sign_in.failed',
        accountId: await accountIdOf(result.owner),
        details: { reason: result.reason, ...viaDetail },
      });
      return error(400, failureMessage(result.reason));
    }
    const customer = await findPersonById(result.owner.id);
    if (!customer || customer.accessRemovedAt) return error(400, failureMessage('unknown credential'));
    const cookie = await startCustomerSession(request, customer.id, { stepUp: true, passkeyId: result.passkey.id });
    await recordAudit({
      actor: { type: 'customer', id: String(customer.id) },
      action: 'sign_in.succeeded',
      accountId: customer.accountId,
      details: { passkeyName: result.passkey.name, ...viaDetail },
    });
    return signedInAnswer(safeRedirect(redirectTo), cookie);
  });
}

export function completeStepUp(request: Request, context: ClientContext, response: AuthenticationResponseJSON): Promise<CeremonyAnswer> {
  return limitedCeremony(context, async () => {
    const session = await getCustomerSession(request);
    if (!session) return error(401, 'messages:signInAgain', '/sign-in');
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
  });
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
      return { ok: false, answer: error(400, 'messages:enroll.expired', '/enroll') };
    }
    const customer = await ensurePerson(state.accountId, state.phone);
    if (customer.accessRemovedAt) {
      return {
        ok: false,
        answer: error(403, 'messages:enroll.accessRemoved', '/enroll'),
      };
    }
    // One verified code sets up one passkey: a copied enrollment cookie cannot add another.
    const usedAt = await codeUsedAt(state.codeId, state.accountId);
    if (!usedAt || (await passkeyCreatedSince({ kind: 'customer', id: customer.id }, usedAt))) {
      return {
        ok: false,
        answer: error(400, 'messages:enroll.codeUsed', '/enroll'),
      };
    }
    return { ok: true, customerId: customer.id, accountId: customer.accountId, phone: customer.phone, userHandle: customer.webauthnUserId };
  }
  const session = await getCustomerSession(request);
  if (!session) return { ok: false, answer: error(401, 'messages:signInAgain', '/sign-in') };
  if (!hasRecentStepUp(session)) {
    return { ok: false, answer: error(403, 'messages:confirmFirst', STEP_UP_PATH) };
  }
  const customer = (await findPersonById(session.customerId))!;
  return { ok: true, customerId: customer.id, accountId: customer.accountId, phone: customer.phone, userHandle: customer.webauthnUserId };
}

export function passkeyRegistrationOptions(
  request: Request,
  context: ClientContext,
  registration: RegistrationContext,
): Promise<CeremonyAnswer> {
  return limitedCeremony(context, async () => {
    const who = await registrationOwner(request, registration);
    if (!who.ok) return who.answer;
    const account = await getAccount(who.accountId);
    const { options, headers } = await createRegistrationOptions(request, {
      owner: { kind: 'customer', id: who.customerId },
      userHandle: who.userHandle,
      // Shown in the device's passkey picker: enough to tell accounts and the people on one apart, not whole numbers.
      userName: `Account ending ${account?.accountNumber.slice(-4) ?? ''}, line ending ${who.phone.slice(-4)}`,
    });
    return optionsAnswer(options, headers);
  });
}

export function completePasskeyRegistration(
  request: Request,
  context: ClientContext,
  response: RegistrationResponseJSON,
  registration: RegistrationContext,
): Promise<CeremonyAnswer> {
  return limitedCeremony(context, async () => {
    const who = await registrationOwner(request, registration);
    if (!who.ok) return who.answer;
    const owner: PasskeyOwner = { kind: 'customer', id: who.customerId };
    const olderPasskeys = await countPasskeys(owner);
    const result = await registerPasskey(request, owner, response);
    const actor = { type: 'customer' as const, id: String(who.customerId) };
    if (!result.ok) {
      const details = { reason: result.reason, context: registration };
      await recordAudit({ actor, action: 'passkey.add_failed', accountId: who.accountId, details });
      return error(400, failureMessage(result.reason));
    }
    const details = { passkeyName: result.passkey.name, context: registration };
    await recordAudit({ actor, action: 'passkey.added', accountId: who.accountId, details });
    await sendNotice(who.accountId, who.phone, passkeyAddedNotice(olderPasskeys > 0, registration === 'enroll'));
    if (registration === 'add') {
      return {
        httpStatus: 200,
        body: { status: 'success', redirectTo: '/account/passkeys?added=1' },
        headers: new Headers({ 'Cache-Control': 'no-store' }),
      };
    }
    return finishEnrollment(request, who, result.passkey.id, olderPasskeys);
  });
}

/** The first passkey after a code check: signs the person in, and an agent-started code leads to the 24-hour reset. */
async function finishEnrollment(
  request: Request,
  who: { customerId: number; accountId: number },
  passkeyId: string,
  olderPasskeys: number,
): Promise<CeremonyAnswer> {
  const state = readEnrollmentState(request);
  const purpose = state?.step === 'verified' ? state.purpose : 'enroll';
  const actor = { type: 'customer' as const, id: String(who.customerId) };
  await adoptPageLanguage(request, who.customerId);
  await recordAudit({ actor, action: 'customer.enrolled', accountId: who.accountId, details: { purpose, olderPasskeys } });
  // Creating a passkey with user verification right after the code check counts as a fresh verification.
  const answer = signedInAnswer(
    purpose === 'agent-reset' ? '/account/pin?forgot=1' : '/account?welcome=1',
    await startCustomerSession(request, who.customerId, { stepUp: true, passkeyId }),
  );
  answer.headers!.append('Set-Cookie', enrollmentStateCookie(null));
  return answer;
}
