// Administrators manage staff: invite, disable (ending their sessions at once), enable; all audited.
import { getStaff, listOpenInvites, listStaff, setStaffDisabled, type StaffRole } from '~/models/staff.server';
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

export async function staffOverview() {
  const [members, invites] = await Promise.all([listStaff(), listOpenInvites()]);
  return { members, invites };
}
