// Staff enrollment links: one-time, 24 hours, stored as hashes; every invite is audited.
import { getConfig } from '~/config.server';
import { createInvite, findOpenInvite, type StaffRole } from '~/models/staff.server';
import { recordAudit, type AuditActor } from './audit.server';
import { randomToken, sha256 } from './tokens.server';

export const INVITE_TTL_MS = 24 * 60 * 60_000;

export async function inviteStaff(input: { name: string; role: StaffRole; invitedBy: AuditActor; invitedByStaffId: number | null }) {
  const token = randomToken(32);
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  const invite = await createInvite({
    tokenHash: sha256(token),
    name: input.name,
    role: input.role,
    invitedByStaffId: input.invitedByStaffId,
    expiresAt,
  });
  await recordAudit({
    actor: input.invitedBy,
    action: 'staff.invited',
    details: { inviteId: invite.id, role: input.role, name: input.name },
  });
  return { link: `${getConfig().webauthn.origin}/staff/enroll/${token}`, expiresAt };
}

export async function openInviteFor(token: string) {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  return findOpenInvite(sha256(token));
}
