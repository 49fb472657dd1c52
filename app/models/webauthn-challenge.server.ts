// WebAuthn challenges: single use, short-lived, bound to the browser that asked (by the hash of its cookie).
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { WebauthnChallenge } from '../../db/schema';
import { webauthnChallenges } from '../../db/tables';
import { getDb } from './db.server';

export type NewChallenge = Pick<WebauthnChallenge, 'challenge' | 'purpose' | 'browserBindingHash' | 'customerId' | 'staffId' | 'expiresAt'>;

/** Stores a challenge; those expired before `sweepBefore` go at the same time, so the table stays small without a scheduler. */
export async function storeChallenge(challenge: NewChallenge, sweepBefore: Date): Promise<void> {
  const db = getDb();
  await db.run((q) => q.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, sweepBefore)));
  await db.run((q) => q.insert(webauthnChallenges).values(challenge));
}

export async function findChallenge(challenge: string): Promise<WebauthnChallenge | null> {
  return (await getDb().get((db) => db.select().from(webauthnChallenges).where(eq(webauthnChallenges.challenge, challenge)))) ?? null;
}

/** Marks the challenge used; false when another request used it first. */
export async function claimChallenge(id: number, at: Date): Promise<boolean> {
  const claimed = await getDb().run((db) =>
    db
      .update(webauthnChallenges)
      .set({ usedAt: at })
      .where(and(eq(webauthnChallenges.id, id), isNull(webauthnChallenges.usedAt))),
  );
  return claimed === 1;
}
