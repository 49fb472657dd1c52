// Stored passkeys (WebAuthn credentials) for customers and staff; callers always say whose.
import { and, asc, count, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { Passkey } from '../../db/schema';
import { accountLines, customers, passkeys, staff } from '../../db/tables';
import { getDb, preparedStatements } from './db.server';

export type PasskeyOwner = { kind: 'customer'; id: number } | { kind: 'staff'; id: number };

function ownedBy(owner: PasskeyOwner) {
  return owner.kind === 'customer' ? eq(passkeys.customerId, owner.id) : eq(passkeys.staffId, owner.id);
}

export function passkeyOwner(passkey: Pick<Passkey, 'customerId' | 'staffId'>): PasskeyOwner | null {
  if (passkey.customerId !== null) return { kind: 'customer', id: passkey.customerId };
  if (passkey.staffId !== null) return { kind: 'staff', id: passkey.staffId };
  return null;
}

export async function listPasskeys(owner: PasskeyOwner): Promise<Passkey[]> {
  return getDb().all((db) => db.select().from(passkeys).where(ownedBy(owner)).orderBy(asc(passkeys.createdAt), asc(passkeys.id)));
}

/** Whether the owner gained a passkey at or after `since`. */
export async function passkeyCreatedSince(owner: PasskeyOwner, since: Date): Promise<boolean> {
  const found = await getDb().get((db) =>
    db
      .select({ id: passkeys.id })
      .from(passkeys)
      .where(and(ownedBy(owner), gte(passkeys.createdAt, since)))
      .limit(1),
  );
  return found !== undefined;
}

export async function countPasskeys(owner: PasskeyOwner): Promise<number> {
  const row = await getDb().get((db) => db.select({ n: count() }).from(passkeys).where(ownedBy(owner)));
  return row?.n ?? 0;
}

// The two statements of every passkey sign-in around the signature check, prepared once.
const signInStatements = preparedStatements((prepare) => ({
  // The credential and its owner's WebAuthn user handle in one read: a customer's only while their line is still on
  // the account (as findPersonById reads them), a staff member's as stored.
  withOwnerHandle: prepare((db) =>
    db
      .select({
        passkey: passkeys,
        customerHandle: customers.webauthnUserId,
        customerLine: accountLines.accountId,
        staffHandle: staff.webauthnUserId,
      })
      .from(passkeys)
      .leftJoin(customers, eq(customers.id, passkeys.customerId))
      .leftJoin(accountLines, and(eq(accountLines.accountId, customers.accountId), eq(accountLines.phone, customers.phone)))
      .leftJoin(staff, eq(staff.id, passkeys.staffId))
      .where(eq(passkeys.id, sql.placeholder('id'))),
  ),
  // Values wrapped as parameters of their columns, so each engine gets its own encoding (booleans and times on SQLite).
  recordUse: prepare((db) =>
    db
      .update(passkeys)
      .set({
        counter: sql`${sql.param(sql.placeholder('counter'), passkeys.counter)}`,
        backedUp: sql`${sql.param(sql.placeholder('backedUp'), passkeys.backedUp)}`,
        lastUsedAt: sql`${sql.param(sql.placeholder('at'), passkeys.lastUsedAt)}`,
      })
      // Only forward (or 0 after 0, an authenticator without a counter): of two sign-ins racing with one cloned
      // credential, the second finds the counter already moved and writes nothing; a deleted passkey matches nothing.
      .where(
        and(
          eq(passkeys.id, sql.placeholder('id')),
          or(
            lt(passkeys.counter, sql.placeholder('counter')),
            and(eq(passkeys.counter, 0), eq(passkeys.counter, sql.placeholder('counter'))),
          ),
        ),
      )
      .returning({ id: passkeys.id }),
  ),
}));

export async function findPasskey(credentialId: string): Promise<Passkey | null> {
  return (await getDb().get((db) => db.select().from(passkeys).where(eq(passkeys.id, credentialId)))) ?? null;
}

/**
 * A credential with its owner and the owner's WebAuthn user handle, for a sign-in: one read. `userHandle` is null
 * when the owner has none to offer (a customer whose line has left the account), so no handle can match it.
 */
export async function findPasskeyWithOwner(
  credentialId: string,
): Promise<{ passkey: Passkey; owner: PasskeyOwner | null; userHandle: string | null } | null> {
  const row = await signInStatements().withOwnerHandle.get({ id: credentialId });
  if (!row) return null;
  const owner = passkeyOwner(row.passkey);
  const userHandle =
    owner?.kind === 'customer' ? (row.customerLine !== null ? row.customerHandle : null) : owner?.kind === 'staff' ? row.staffHandle : null;
  return { passkey: row.passkey, owner, userHandle };
}

export interface NewPasskey {
  id: string;
  owner: PasskeyOwner;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
  deviceType: 'singleDevice' | 'multiDevice';
  backedUp: boolean;
  aaguid: string | null;
  name: string;
}

export async function insertPasskey(passkey: NewPasskey): Promise<void> {
  await getDb().run((db) =>
    db.insert(passkeys).values({
      id: passkey.id,
      customerId: passkey.owner.kind === 'customer' ? passkey.owner.id : null,
      staffId: passkey.owner.kind === 'staff' ? passkey.owner.id : null,
      publicKey: Buffer.from(passkey.publicKey),
      counter: passkey.counter,
      transports: passkey.transports,
      deviceType: passkey.deviceType,
      backedUp: passkey.backedUp,
      aaguid: passkey.aaguid,
      name: passkey.name,
    }),
  );
}

/** Records a sign-in's counter; false when the passkey is gone or its counter already reached this one. */
export async function recordPasskeyUse(credentialId: string, use: { counter: number; backedUp: boolean; at: Date }): Promise<boolean> {
  const recorded = await signInStatements().recordUse.get({ id: credentialId, counter: use.counter, backedUp: use.backedUp, at: use.at });
  return recorded !== undefined;
}

export async function renamePasskey(owner: PasskeyOwner, credentialId: string, name: string): Promise<boolean> {
  const renamed = await getDb().run((db) =>
    db
      .update(passkeys)
      .set({ name })
      .where(and(ownedBy(owner), eq(passkeys.id, credentialId))),
  );
  return renamed > 0;
}

/** Removes one passkey, never the owner's last one (they could not sign in again). */
export async function removePasskey(owner: PasskeyOwner, credentialId: string): Promise<'removed' | 'last' | 'not-found'> {
  return getDb().transaction(async (tx) => {
    const found = await tx.get((db) =>
      db
        .select({ id: passkeys.id })
        .from(passkeys)
        .where(and(ownedBy(owner), eq(passkeys.id, credentialId))),
    );
    if (!found) return 'not-found' as const;
    const owned = (await tx.get((db) => db.select({ n: count() }).from(passkeys).where(ownedBy(owner))))?.n ?? 0;
    if (owned <= 1) return 'last' as const;
    await tx.run((db) => db.delete(passkeys).where(eq(passkeys.id, credentialId)));
    return 'removed' as const;
  });
}
