// Staff passkey ceremonies: enrollment through a one-time invite, and sign-in. Disabled staff cannot sign in.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { PasskeyOwner } from '~/models/passkey.server';
import { getStaff, markInviteUsed, releaseInvite, staffForInvite } from '~/models/staff.server';
import { recordAudit } from './audit.server';
import * as ceremony from './ceremony.server';
import type { CeremonyAnswer, ClientContext } from './ceremony.server';
import { startStaffSession } from './session.server';
import { openInviteFor } from './staff-invites.server';
import { createAuthenticationOptions, createRegistrationOptions, registerPasskey, verifyPasskeyAssertion } from './webauthn.server';

const INVITE_GONE = 'messages:staff.inviteGone';

export function staffHome(role: 'agent' | 'admin'): string {
  return role === 'admin' ? '/admin' : '/agent';
}

/** The staff member an open invite is for; a 410 answer when the link has expired, was used or was revoked. */
async function invitedStaff(token: string) {
  const invite = await openInviteFor(token);
  if (!invite) return { ok: false as const, answer: ceremony.error(410, INVITE_GONE) };
  return { ok: true as const, invite, member: await staffForInvite(invite) };
}

export function staffRegistrationOptions(request: Request, context: ClientContext, token: string): Promise<CeremonyAnswer> {
  return ceremony.limitedCeremony(context, async () => {
    const invited = await invitedStaff(token);
    if (!invited.ok) return invited.answer;
    const { member } = invited;
    const { options, headers } = await createRegistrationOptions(request, {
      owner: { kind: 'staff', id: member.id },
      userHandle: member.webauthnUserId,
      userName: `${member.name} (staff)`,
    });
    return ceremony.optionsAnswer(options, headers);
  });
}

export function completeStaffRegistration(
  request: Request,
  context: ClientContext,
  token: string,
  response: RegistrationResponseJSON,
): Promise<CeremonyAnswer> {
  return ceremony.limitedCeremony(context, async () => {
    const invited = await invitedStaff(token);
    if (!invited.ok) return invited.answer;
    const { invite, member } = invited;
    // Claim the invite before storing anything: of two browsers racing on one link, only one gets a passkey.
    if (!(await markInviteUsed(invite.id))) return ceremony.error(410, INVITE_GONE);
    const result = await registerPasskey(request, { kind: 'staff', id: member.id }, response);
    const actor = { type: 'staff' as const, id: String(member.id) };
    if (!result.ok) {
      await releaseInvite(invite.id);
      await ceremony.recordCeremonyFailure(result.reason, { actor, action: 'staff.enroll_failed', details: { reason: result.reason } });
      return ceremony.error(400, ceremony.failureMessage(result.reason));
    }
    const details = { role: member.role, inviteId: invite.id, passkeyName: result.passkey.name };
    await recordAudit({ actor, action: 'staff.enrolled', details });
    return ceremony.signedInAnswer(staffHome(member.role), await startStaffSession(request, member.id, result.passkey.id));
  });
}

export function staffSignInOptions(request: Request, context: ClientContext): Promise<CeremonyAnswer> {
  return ceremony.limitedCeremony(context, async () => {
    const { options, headers } = await createAuthenticationOptions(request, { purpose: 'authenticate' });
    return ceremony.optionsAnswer(options, headers);
  });
}

export function completeStaffSignIn(
  request: Request,
  context: ClientContext,
  response: AuthenticationResponseJSON,
): Promise<CeremonyAnswer> {
  return ceremony.limitedCeremony(context, async () => {
    const result = await verifyPasskeyAssertion(request, response, { purpose: 'authenticate', kind: 'staff' });
    const actorOf = (owner?: PasskeyOwner) => ({ type: 'staff' as const, id: owner ? String(owner.id) : null });
    if (!result.ok) {
      const details = { reason: result.reason };
      await ceremony.recordCeremonyFailure(result.reason, { actor: actorOf(result.owner), action: 'staff.sign_in_failed', details });
      return ceremony.error(400, ceremony.failureMessage(result.reason));
    }
    const member = await getStaff(result.owner.id);
    if (!member || member.disabledAt) {
      await recordAudit({ actor: actorOf(result.owner), action: 'staff.sign_in_failed', details: { reason: 'disabled' } });
      return ceremony.error(403, 'messages:staff.disabled');
    }
    const cookie = await startStaffSession(request, member.id, result.passkey.id);
    await recordAudit({ actor: actorOf(result.owner), action: 'staff.signed_in', details: { passkeyName: result.passkey.name } });
    return ceremony.signedInAnswer(staffHome(member.role), cookie);
  });
}
