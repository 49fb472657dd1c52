// Administrators manage staff: invite, disable (ending their sessions at once), enable; all audited.
import { getStaff, listOpenInvites, listStaff, revokeOpenInvite, setStaffDisabled, type StaffRole } from '~/models/staff.server';
import { recordAudit } from './audit.server';
import { revokeStaffSessions, type StaffSession } from './session.server';
import { inviteStaff } from './staff-invites.server';

const actorOf = (admin: StaffSession) => ({ type: 'staff' as const, id: String(admin.staffId) });

export async function inviteStaffMember(admin: StaffSession, input: { name: string; role: StaffRole }) {
  return inviteStaff({ ...input, invitedBy: actorOf(admin), invitedByStaffId: admin.staffId });
}

export async function setStaffMemberDisabled(admin: StaffSession, staffId: number, disabled: boolean): Promise<string | null> {
  if (staffId === admin.staffId) return 'You cannot disable your own sign-in.';
  const member = await getStaff(staffId);
  if (!member) return 'That staff member no longer exists.';
  await setStaffDisabled(staffId, disabled ? new Date() : null);
  const sessionsEnded = disabled ? await revokeStaffSessions(staffId) : 0;
  await recordAudit({ actor: actorOf(admin), action: disabled ? 'staff.disabled' : 'staff.enabled', details: { staffId, sessionsEnded } });
  return null;
}

/** Revokes a pending invite (a link handed to the wrong person); audited. A sentence when there was nothing to revoke. */
export async function revokeStaffInvite(admin: StaffSession, inviteId: number): Promise<{ revoked: string } | { problem: string }> {
  const invite = await revokeOpenInvite(inviteId);
  if (!invite) return { problem: 'That invite was already used, revoked or expired.' };
  await recordAudit({ actor: actorOf(admin), action: 'staff.invite_revoked', details: { inviteId, name: invite.name, role: invite.role } });
  return { revoked: invite.name };
}

export async function staffOverview() {
  const [members, invites] = await Promise.all([listStaff(), listOpenInvites()]);
  return { members, invites };
}
