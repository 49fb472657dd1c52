// Session rows: the cookie's token is never stored, only its SHA-256; revoking is setting revoked_at.
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Session } from '../../db/schema';
import { sessions } from '../../db/tables';
import { getDb, preparedStatements } from './db.server';

export type SessionKind = Session['kind'];

// The read every signed-in page makes.
const reads = preparedStatements((prepare) => ({
  byTokenHash: prepare((db) =>
    db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, sql.placeholder('tokenHash'))),
  ),
}));

export async function findSessionByTokenHash(tokenHash: string): Promise<Session | null> {
  return (await reads().byTokenHash.get({ tokenHash })) ?? null;
}

export async function touchSession(sessionId: number, at: Date): Promise<void> {
  await getDb().run((db) => db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, sessionId)));
}

export type NewSession = Pick<
  Session,
  'tokenHash' | 'kind' | 'customerId' | 'staffId' | 'userAgent' | 'createdAt' | 'lastSeenAt' | 'expiresAt' | 'stepUpAt' | 'passkeyId'
>;

/** Inserts the new session and revokes `replaces` (the browser's previous one) in one transaction. */
export async function insertSession(session: NewSession, replaces: number | null): Promise<void> {
  await getDb().transaction(async (tx) => {
    if (replaces !== null) await tx.run((db) => db.update(sessions).set({ revokedAt: session.createdAt }).where(eq(sessions.id, replaces)));
    await tx.run((db) => db.insert(sessions).values(session));
  });
}

export async function revokeSession(sessionId: number, at: Date): Promise<void> {
  await getDb().run((db) => db.update(sessions).set({ revokedAt: at }).where(eq(sessions.id, sessionId)));
}

export async function setStepUp(sessionId: number, at: Date): Promise<void> {
  await getDb().run((db) => db.update(sessions).set({ stepUpAt: at }).where(eq(sessions.id, sessionId)));
}

/** The person's sessions not revoked, not past their absolute limit, and seen since `idleSince`, newest first. */
export async function listLiveCustomerSessions(customerId: number, now: Date, idleSince: Date): Promise<Session[]> {
  return getDb().all((db) =>
    db
      .select()
      .from(sessions)
      .where(
        and(
          eq(sessions.kind, 'customer'),
          eq(sessions.customerId, customerId),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          gt(sessions.lastSeenAt, idleSince),
        ),
      )
      .orderBy(desc(sessions.lastSeenAt)),
  );
}

/** Revokes one of the person's sessions; false when it is not theirs or already ended. */
export async function revokeCustomerSessionOf(customerId: number, sessionId: number, at: Date): Promise<boolean> {
  const revoked = await getDb().run((db) =>
    db
      .update(sessions)
      .set({ revokedAt: at })
      .where(
        and(eq(sessions.id, sessionId), eq(sessions.kind, 'customer'), eq(sessions.customerId, customerId), isNull(sessions.revokedAt)),
      ),
  );
  return revoked > 0;
}

/** Revokes every session of the person but `keep`; returns how many. */
export async function revokeOtherCustomerSessionsOf(customerId: number, keep: number, at: Date): Promise<number> {
  return getDb().run((db) =>
    db
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.kind, 'customer'), eq(sessions.customerId, customerId), ne(sessions.id, keep), isNull(sessions.revokedAt))),
  );
}

/** Ends every session signed in with this passkey but one; returns how many. */
export async function revokeSessionsOfPasskey(passkeyId: string, keepSessionId: number, at: Date): Promise<number> {
  return getDb().run((db) =>
    db
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.passkeyId, passkeyId), ne(sessions.id, keepSessionId), isNull(sessions.revokedAt))),
  );
}

export async function revokeStaffSessionsOf(staffId: number, at: Date): Promise<number> {
  return getDb().run((db) =>
    db
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.kind, 'staff'), eq(sessions.staffId, staffId), isNull(sessions.revokedAt))),
  );
}
