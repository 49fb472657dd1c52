// Staff members (agents and admins) and their one-time enrollment invites.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import { staff, staffInvites, type Staff, type StaffInvite } from '../../db/schema';
import { getDb } from './db.server';

export type StaffRole = Staff['role'];

export async function createInvite(input: {
  tokenHash: string;
  name: string;
  role: StaffRole;
  invitedByStaffId: number | null;
  expiresAt: Date;
}): Promise<StaffInvite> {
  return getDb().insert(staffInvites).values(input).returning().get();
}

/** An invite that is unused and unexpired, by the hash of its token. */
export async function findOpenInvite(tokenHash: string, now = new Date()): Promise<StaffInvite | null> {
  return (
    getDb()
      .select()
      .from(staffInvites)
      .where(
        and(
          eq(staffInvites.tokenHash, tokenHash),
          isNull(staffInvites.usedAt),
          isNull(staffInvites.revokedAt),
          gt(staffInvites.expiresAt, now),
        ),
      )
      .get() ?? null
  );
}

/** The staff row an invite enrolls: created on first use of the invite, reused if the ceremony is retried. */
export async function staffForInvite(invite: StaffInvite): Promise<Staff> {
  const db = getDb();
  return db.transaction((tx) => {
    const current = tx.select().from(staffInvites).where(eq(staffInvites.id, invite.id)).get()!;
    if (current.staffId) return tx.select().from(staff).where(eq(staff.id, current.staffId)).get()!;
    const member = tx
      .insert(staff)
      .values({ name: invite.name, role: invite.role, webauthnUserId: randomBytes(32).toString('base64url') })
      .returning()
      .get();
    tx.update(staffInvites).set({ staffId: member.id }).where(eq(staffInvites.id, invite.id)).run();
    return member;
  });
}

/** Marks the invite used; false when someone else used it first, or it was revoked or expired since it was read. */
export async function markInviteUsed(inviteId: number, at = new Date()): Promise<boolean> {
  const result = getDb()
    .update(staffInvites)
    .set({ usedAt: at })
    .where(and(eq(staffInvites.id, inviteId), isNull(staffInvites.usedAt), isNull(staffInvites.revokedAt), gt(staffInvites.expiresAt, at)))
    .run();
  return result.changes === 1;
}

/** Gives a claimed invite back after a failed ceremony, so the member can try again. */
export async function releaseInvite(inviteId: number): Promise<void> {
  getDb().update(staffInvites).set({ usedAt: null }).where(eq(staffInvites.id, inviteId)).run();
}

export async function getStaff(staffId: number): Promise<Staff | null> {
  return getDb().select().from(staff).where(eq(staff.id, staffId)).get() ?? null;
}

/** Everyone who finished enrolling (their invite was used), newest first. */
export async function listStaff(): Promise<Staff[]> {
  const db = getDb();
  return db
    .selectDistinct({ member: staff })
    .from(staff)
    .innerJoin(staffInvites, and(eq(staffInvites.staffId, staff.id), isNotNull(staffInvites.usedAt)))
    .orderBy(desc(staff.createdAt))
    .all()
    .map((row) => row.member);
}

export async function listOpenInvites(now = new Date()): Promise<StaffInvite[]> {
  return getDb()
    .select()
    .from(staffInvites)
    .where(and(isNull(staffInvites.usedAt), isNull(staffInvites.revokedAt), gt(staffInvites.expiresAt, now)))
    .orderBy(desc(staffInvites.createdAt))
    .all();
}

/** Revokes an invite nobody used yet; the revoked invite, or null when it was used, expired or revoked already. */
export async function revokeOpenInvite(inviteId: number, at = new Date()): Promise<StaffInvite | null> {
  return (
    getDb()
      .update(staffInvites)
      .set({ revokedAt: at })
      .where(
        and(eq(staffInvites.id, inviteId), isNull(staffInvites.usedAt), isNull(staffInvites.revokedAt), gt(staffInvites.expiresAt, at)),
      )
      .returning()
      .get() ?? null
  );
}

export async function setStaffDisabled(staffId: number, disabledAt: Date | null): Promise<boolean> {
  return getDb().update(staff).set({ disabledAt }).where(eq(staff.id, staffId)).run().changes === 1;
}
