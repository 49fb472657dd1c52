// Staff members (agents and admins) and their one-time enrollment invites.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { Staff, StaffInvite } from '../../db/schema';
import { staff, staffInvites } from '../../db/tables';
import { getDb } from './db.server';

export type StaffRole = Staff['role'];

export async function createInvite(input: {
  tokenHash: string;
  name: string;
  role: StaffRole;
  invitedByStaffId: number | null;
  expiresAt: Date;
}): Promise<StaffInvite> {
  return (await getDb().get((db) => db.insert(staffInvites).values(input).returning()))!;
}

/** An invite that is unused and unexpired, by the hash of its token. */
export async function findOpenInvite(tokenHash: string, now = new Date()): Promise<StaffInvite | null> {
  const open = and(
    eq(staffInvites.tokenHash, tokenHash),
    isNull(staffInvites.usedAt),
    isNull(staffInvites.revokedAt),
    gt(staffInvites.expiresAt, now),
  );
  return (await getDb().get((db) => db.select().from(staffInvites).where(open))) ?? null;
}

/** The staff row an invite enrolls: created on first use of the invite, reused if the ceremony is retried. */
export async function staffForInvite(invite: StaffInvite): Promise<Staff> {
  const webauthnUserId = randomBytes(32).toString('base64url');
  return getDb().transaction(async (tx) => {
    const current = (await tx.get((db) => db.select().from(staffInvites).where(eq(staffInvites.id, invite.id))))!;
    const existing = current.staffId;
    if (existing) return (await tx.get((db) => db.select().from(staff).where(eq(staff.id, existing))))!;
    const member = (await tx.get((db) => db.insert(staff).values({ name: invite.name, role: invite.role, webauthnUserId }).returning()))!;
    await tx.run((db) => db.update(staffInvites).set({ staffId: member.id }).where(eq(staffInvites.id, invite.id)));
    return member;
  });
}

/** Marks the invite used; false when someone else used it first, or it was revoked or expired since it was read. */
export async function markInviteUsed(inviteId: number, at = new Date()): Promise<boolean> {
  const used = await getDb().run((db) =>
    db
      .update(staffInvites)
      .set({ usedAt: at })
      .where(
        and(eq(staffInvites.id, inviteId), isNull(staffInvites.usedAt), isNull(staffInvites.revokedAt), gt(staffInvites.expiresAt, at)),
      ),
  );
  return used === 1;
}

/** Gives a claimed invite back after a failed ceremony, so the member can try again. */
export async function releaseInvite(inviteId: number): Promise<void> {
  await getDb().run((db) => db.update(staffInvites).set({ usedAt: null }).where(eq(staffInvites.id, inviteId)));
}

export async function getStaff(staffId: number): Promise<Staff | null> {
  return (await getDb().get((db) => db.select().from(staff).where(eq(staff.id, staffId)))) ?? null;
}

/** Everyone who finished enrolling (their invite was used), newest first. */
export async function listStaff(): Promise<Staff[]> {
  const rows = await getDb().all((db) =>
    db
      .selectDistinct({ member: staff })
      .from(staff)
      .innerJoin(staffInvites, and(eq(staffInvites.staffId, staff.id), isNotNull(staffInvites.usedAt)))
      .orderBy(desc(staff.createdAt)),
  );
  return rows.map((row) => row.member);
}

export async function listOpenInvites(now = new Date()): Promise<StaffInvite[]> {
  return getDb().all((db) =>
    db
      .select()
      .from(staffInvites)
      .where(and(isNull(staffInvites.usedAt), isNull(staffInvites.revokedAt), gt(staffInvites.expiresAt, now)))
      .orderBy(desc(staffInvites.createdAt)),
  );
}

/** Revokes an invite nobody used yet; the revoked invite, or null when it was used, expired or revoked already. */
export async function revokeOpenInvite(inviteId: number, at = new Date()): Promise<StaffInvite | null> {
  const open = and(
    eq(staffInvites.id, inviteId),
    isNull(staffInvites.usedAt),
    isNull(staffInvites.revokedAt),
    gt(staffInvites.expiresAt, at),
  );
  return (await getDb().get((db) => db.update(staffInvites).set({ revokedAt: at }).where(open).returning())) ?? null;
}

export async function setStaffDisabled(staffId: number, disabledAt: Date | null): Promise<boolean> {
  return (await getDb().run((db) => db.update(staff).set({ disabledAt }).where(eq(staff.id, staffId)))) === 1;
}
