// Staff passkey ceremonies: enrollment through a one-time invite, and sign-in. Disabled staff cannot sign in.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { getStaff, markInviteUsed, releaseInvite, staffForInvite } from '~/models/staff.server';
import type { PasskeyOwner } from '~/models/passkey.server';
import { recordAudit } from './audit.server';
import { ceremonyLimit, error, failureMessage, recordCeremonyFailure, type CeremonyAnswer } from './customer-auth.server';
import { openInviteFor } from './staff-invites.server';
import { startStaffSession } from './session.server';
import { createAuthenticationOptions, createRegistrationOptions, registerPasskey, verifyPasskeyAssertion } from './webauthn.server';

const INVITE_GONE = 'This enrollment link has expired or was already used. Ask an administrator for a new one.';

export function staffHome(role: 'agent' | 'admin'): string {
  return role === 'admin' ? '/admin' : '/agent';
}

export async function staffRegistrationOptions(
  request: Request,
  context: { clientAddress: string },
  token: string,
): Promise<CeremonyAnswer> {
  const limited = await ceremonyLimit(context);
  if (limited) return limited;
  const invite = await openInviteFor(token);
  if (!invite) return error(410, INVITE_GONE);
  const member = await staffForInvite(invite);
  const { options, headers } = await createRegistrationOptions(request, {
    owner: { kind: 'staff', id: member.id },
    userHandle: member.webauthnUserId,
    userName: `${member.name} (staff)`,
  });
  return { httpStatus: 200, body: { status: 'success', options }, headers };
}

export async function completeStaffRegistration(
  request: Request,
  context: { clientAddress: string },
  token: string,
  response: RegistrationResponseJSON,
): Promise<CeremonyAnswer> {
  const limited = await ceremonyLimit(context);
  if (limited) return limited;
  const invite = await openInviteFor(token);
  if (!invite) return error(410, INVITE_GONE);
  const member = await staffForInvite(invite);
  // Claim the invite before storing anything: of two browsers racing on one link, only one gets a passkey.
  if (!(await markInviteUsed(invite.id))) return error(410, INVITE_GONE);
  const result = await registerPasskey(request, { kind: 'staff', id: member.id }, response);
  const actor = { type: 'staff' as const, id: String(member.id) };
  if (!result.ok) {
    await releaseInvite(invite.id);
    await recordCeremonyFailure(result.reason, { actor, action: 'staff.enroll_failed', details: { reason: result.reason } });
    return error(400, failureMessage(result.reason));
  }
  await recordAudit({
    actor,
    action: 'staff.enrolled',
    details: { role: member.role, inviteId: invite.id, passkeyName: result.passkey.name },
  });
  const cookie = await startStaffSession(request, member.id, result.passkey.id);
  return {
    httpStatus: 200,
    body: { status: 'success', redirectTo: staffHome(member.role) },
    headers: new Headers({ 'Set-Cookie': cookie, 'Cache-Control': 'no-store' }),
  };
}

export async function staffSignInOptions(request: Request, context: { clientAddress: string }): Promise<CeremonyAnswer> {
  const limited = await ceremonyLimit(context);
  if (limited) return limited;
  const { options, headers } = await createAuthenticationOptions(request, { purpose: 'authenticate' });
  return { httpStatus: 200, body: { status: 'success', options }, headers };
}

export async function completeStaffSignIn(
  request: Request,
  context: { clientAddress: string },
  response: AuthenticationResponseJSON,
): Promise<CeremonyAnswer> {
  const limited = await ceremonyLimit(context);
  if (limited) return limited;
  const result = await verifyPasskeyAssertion(request, response, { purpose: 'authenticate', kind: 'staff' });
  const actorOf = (owner?: PasskeyOwner) => ({ type: 'staff' as const, id: owner ? String(owner.id) : null });
  if (!result.ok) {
    await recordCeremonyFailure(result.reason, {
      actor: actorOf(result.owner),
      action: 'staff.sign_in_failed',
      details: { reason: result.reason },
    });
    return error(400, failureMessage(result.reason));
  }
  const member = await getStaff(result.owner.id);
  if (!member || member.disabledAt) {
    await recordAudit({ actor: actorOf(result.owner), action: 'staff.sign_in_failed', details: { reason: 'disabled' } });
    return error(403, 'Your staff sign-in has been disabled. Ask an administrator if you think this is wrong.');
  }
  const cookie = await startStaffSession(request, member.id, result.passkey.id);
  await recordAudit({ actor: actorOf(result.owner), action: 'staff.signed_in', details: { passkeyName: result.passkey.name } });
  return {
    httpStatus: 200,
    body: { status: 'success', redirectTo: staffHome(member.role) },
    headers: new Headers({ 'Set-Cookie': cookie, 'Cache-Control': 'no-store' }),
  };
}
