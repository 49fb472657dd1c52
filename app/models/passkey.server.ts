// Stored passkeys (WebAuthn credentials) for customers and staff; callers always say whose.
import { and, asc, count, eq, gte } from 'drizzle-orm';
import type { Passkey } from '../../db/schema';
import { passkeys } from '../../db/tables';
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

export async function findPasskey(credentialId: string): Promise<Passkey | null> {
  return (await getDb().get((db) => db.select().from(passkeys).where(eq(passkeys.id, credentialId)))) ?? null;
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

export async function recordPasskeyUse(credentialId: string, use: { counter: number; backedUp: boolean; at: Date }) {
  await getDb().run((db) =>
    db.update(passkeys).set({ counter: use.counter, backedUp: use.backedUp, lastUsedAt: use.at }).where(eq(passkeys.id, credentialId)),
  );
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
