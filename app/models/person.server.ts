// People on an account: each enrolled person is one customers row tied to one of the account's lines, whose role
// (holder, authorized user, line user) is read from account_lines every time, so a re-import changes it at once.
import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, isNull, max, sql } from 'drizzle-orm';
import type { Customer, PersonRole } from '../../db/schema';
import { accountLines, accounts, customers, passkeys, sessions } from '../../db/tables';
import { getDb, preparedStatements } from './db.server';

export type Person = Customer & { role: PersonRole };

const reads = preparedStatements((prepare) => ({
  // Every signed-in request: the person and their line's role; no row once the line has left the account.
  personById: prepare((db) =>
    db
      .select({ person: customers, role: accountLines.role })
      .from(customers)
      .innerJoin(accountLines, and(eq(accountLines.accountId, customers.accountId), eq(accountLines.phone, customers.phone)))
      .where(eq(customers.id, sql.placeholder('id'))),
  ),
}));

export async function findAccountIdByNumber(accountNumber: string): Promise<number | null> {
  const row = await getDb().get((db) => db.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, accountNumber)));
  return row?.id ?? null;
}

/** The account and the line's role only when the phone is one of the account's lines: both must match. */
export async function findLine(accountNumber: string, phone: string): Promise<{ accountId: number; role: PersonRole } | null> {
  const row = await getDb().get((db) =>
    db
      .select({ accountId: accounts.id, role: accountLines.role })
      .from(accounts)
      .innerJoin(accountLines, eq(accountLines.accountId, accounts.id))
      .where(and(eq(accounts.accountNumber, accountNumber), eq(accountLines.phone, phone))),
  );
  return row ?? null;
}

/** The holder's own line, or null for an account without lines. */
export async function holderLine(accountId: number): Promise<string | null> {
  const row = await getDb().get((db) =>
    db
      .select({ phone: accountLines.phone })
      .from(accountLines)
      .where(and(eq(accountLines.accountId, accountId), eq(accountLines.role, 'holder'))),
  );
  return row?.phone ?? null;
}

/** The person with their current role; null when there is no such person or their line left the account. */
export async function findPersonById(personId: number): Promise<Person | null> {
  const row = await reads().personById.get({ id: personId });
  return row ? { ...row.person, role: row.role } : null;
}

export async function findPerson(accountId: number, phone: string): Promise<Customer | null> {
  return (
    (await getDb().get((db) =>
      db
        .select()
        .from(customers)
        .where(and(eq(customers.accountId, accountId), eq(customers.phone, phone))),
    )) ?? null
  );
}

/** The line's person, created on first use with a random WebAuthn user handle (no personal data). */
export async function ensurePerson(accountId: number, phone: string): Promise<Customer> {
  await getDb().run((db) =>
    db
      .insert(customers)
      .values({ accountId, phone, webauthnUserId: randomBytes(32).toString('base64url') })
      .onConflictDoNothing({ target: [customers.accountId, customers.phone] }),
  );
  return (await findPerson(accountId, phone))!;
}

export interface PersonOnAccount {
  phone: string;
  role: PersonRole;
  personId: number | null;
  passkeys: number;
  lastSignInAt: Date | null;
  accessRemovedAt: Date | null;
}

/** Every line of the account with its role and, where someone enrolled, their passkeys and last sign-in. */
export async function listPeople(accountId: number): Promise<PersonOnAccount[]> {
  const rows = await getDb().all((db) => {
    const passkeyCounts = db
      .select({ customerId: passkeys.customerId, n: count().as('n') })
      .from(passkeys)
      .groupBy(passkeys.customerId)
      .as('passkey_counts');
    const lastSignIns = db
      .select({ customerId: sessions.customerId, at: max(sessions.createdAt).as('at') })
      .from(sessions)
      .where(eq(sessions.kind, 'customer'))
      .groupBy(sessions.customerId)
      .as('last_sign_ins');
    return db
      .select({
        phone: accountLines.phone,
        role: accountLines.role,
        personId: customers.id,
        passkeys: passkeyCounts.n,
        lastSignInAt: lastSignIns.at,
        accessRemovedAt: customers.accessRemovedAt,
      })
      .from(accountLines)
      .leftJoin(customers, and(eq(customers.accountId, accountLines.accountId), eq(customers.phone, accountLines.phone)))
      .leftJoin(passkeyCounts, eq(passkeyCounts.customerId, customers.id))
      .leftJoin(lastSignIns, eq(lastSignIns.customerId, customers.id))
      .where(eq(accountLines.accountId, accountId))
      .orderBy(sql`case ${accountLines.role} when 'holder' then 0 when 'authorized' then 1 else 2 end`, asc(accountLines.phone));
  });
  return rows.map((row) => ({
    ...row,
    passkeys: row.passkeys ?? 0,
    // max() over a timestamp column comes back as the raw value: a number on SQLite, a Date on PostgreSQL.
    lastSignInAt: row.lastSignInAt === null ? null : new Date(Number(row.lastSignInAt)),
  }));
}

/** Whether this person has set up a passkey. */
export async function personHasPasskey(personId: number): Promise<boolean> {
  return (
    (await getDb().get((db) => db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.customerId, personId)).limit(1))) !==
    undefined
  );
}

/** Ends every session of the person and removes their passkeys, in one transaction; returns how many of each. */
export async function endPersonAccess(
  personId: number,
  at: Date,
  options: { markRemoved: boolean },
): Promise<{ sessions: number; passkeys: number }> {
  return getDb().transaction(async (tx) => {
    const ended = await tx.run((db) =>
      db
        .update(sessions)
        .set({ revokedAt: at })
        .where(and(eq(sessions.customerId, personId), isNull(sessions.revokedAt))),
    );
    const removed = await tx.run((db) => db.delete(passkeys).where(eq(passkeys.customerId, personId)));
    if (options.markRemoved) await tx.run((db) => db.update(customers).set({ accessRemovedAt: at }).where(eq(customers.id, personId)));
    return { sessions: ended, passkeys: removed };
  });
}

/**
 * Lets the person sign in again. Any session of theirs still unrevoked was started by a sign-in racing with the
 * removal (refused on every request only because of the flag): it is revoked here, or clearing the flag would revive it.
 */
export async function restorePersonAccess(personId: number, at: Date = new Date()): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx.run((db) =>
      db
        .update(sessions)
        .set({ revokedAt: at })
        .where(and(eq(sessions.customerId, personId), isNull(sessions.revokedAt))),
    );
    await tx.run((db) => db.update(customers).set({ accessRemovedAt: null }).where(eq(customers.id, personId)));
  });
}

/** The person's own choice of language, for their pages and the codes sent to their line. */
export async function setPersonLanguage(personId: number, language: 'en' | 'es'): Promise<void> {
  await getDb().run((db) => db.update(customers).set({ language }).where(eq(customers.id, personId)));
}
