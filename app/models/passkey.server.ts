// Stored passkeys (WebAuthn credentials) for customers and staff; callers always say whose.
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { passkeys, type Passkey } from '../../db/schema';
import { getDb } from './db.server';

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
  return getDb().select().from(passkeys).where(ownedBy(owner)).orderBy(asc(passkeys.createdAt), asc(passkeys.id)).all();
}

/** Whether the owner gained a passkey at or after `since`. */
export async function passkeyCreatedSince(owner: PasskeyOwner, since: Date): Promise<boolean> {
  return (
    getDb()
      .select({ id: passkeys.id })
      .from(passkeys)
      .where(and(ownedBy(owner), gte(passkeys.createdAt, since)))
      .limit(1)
      .get() !== undefined
  );
}

export async function countPasskeys(owner: PasskeyOwner): Promise<number> {
  const row = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(passkeys)
    .where(ownedBy(owner))
    .get();
  return row?.n ?? 0;
}

export async function findPasskey(credentialId: string): Promise<Passkey | null> {
  return getDb().select().from(passkeys).where(eq(passkeys.id, credentialId)).get() ?? null;
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
  getDb()
    .insert(passkeys)
    .values({
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
    })
    .run();
}

export async function recordPasskeyUse(credentialId: string, use: { counter: number; backedUp: boolean; at: Date }) {
  getDb()
    .update(passkeys)
    .set({ counter: use.counter, backedUp: use.backedUp, lastUsedAt: use.at })
    .where(eq(passkeys.id, credentialId))
    .run();
}

export async function renamePasskey(owner: PasskeyOwner, credentialId: string, name: string): Promise<boolean> {
  const result = getDb()
    .update(passkeys)
    .set({ name })
    .where(and(ownedBy(owner), eq(passkeys.id, credentialId)))
    .run();
  return result.changes > 0;
}

/** Removes one passkey, never the owner's last one (they could not sign in again). */
export async function removePasskey(owner: PasskeyOwner, credentialId: string): Promise<'removed' | 'last' | 'not-found'> {
  const db = getDb();
  return db.transaction((tx) => {
    const found = tx
      .select({ id: passkeys.id })
      .from(passkeys)
      .where(and(ownedBy(owner), eq(passkeys.id, credentialId)))
      .get();
    if (!found) return 'not-found' as const;
    const count =
      tx
        .select({ n: sql<number>`count(*)` })
        .from(passkeys)
        .where(ownedBy(owner))
        .get()?.n ?? 0;
    if (count <= 1) return 'last' as const;
    tx.delete(passkeys).where(eq(passkeys.id, credentialId)).run();
    return 'removed' as const;
  });
}
