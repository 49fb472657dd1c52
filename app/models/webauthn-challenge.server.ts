// WebAuthn challenges: single use, short-lived, bound to the browser that asked (by the hash of its cookie).
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { WebauthnChallenge } from '../../db/schema';
import { webauthnChallenges } from '../../db/tables';
import { getDb, preparedStatements } from './db.server';

export type NewChallenge = Pick<WebauthnChallenge, 'challenge' | 'purpose' | 'browserBindingHash' | 'customerId' | 'staffId' | 'expiresAt'>;

// Every passkey ceremony claims its challenge with the first statement; prepared once, not rebuilt per call.
const statements = preparedStatements((prepare) => ({
  // One atomic statement: only an unused challenge of this purpose, issued to this browser, is marked used and
  // returned. Of two requests (or processes) racing with the same challenge, exactly one gets the row.
  claim: prepare((db) =>
    db
      .update(webauthnChallenges)
      // Wrapped as a parameter of the column, so the time is encoded the engine's way (ms on SQLite, a timestamp on PostgreSQL).
      .set({ usedAt: sql`${sql.param(sql.placeholder('at'), webauthnChallenges.usedAt)}` })
      .where(
        and(
          eq(webauthnChallenges.challenge, sql.placeholder('challenge')),
          isNull(webauthnChallenges.usedAt),
          eq(webauthnChallenges.purpose, sql.placeholder('purpose')),
          eq(webauthnChallenges.browserBindingHash, sql.placeholder('bindingHash')),
        ),
      )
      .returning(),
  ),
  byChallenge: prepare((db) =>
    db
      .select()
      .from(webauthnChallenges)
      .where(eq(webauthnChallenges.challenge, sql.placeholder('challenge'))),
  ),
}));

/** Stores a challenge; those expired before `sweepBefore` go at the same time, so the table stays small without a scheduler. */
export async function storeChallenge(challenge: NewChallenge, sweepBefore: Date): Promise<void> {
  const db = getDb();
  await db.run((q) => q.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, sweepBefore)));
  await db.run((q) => q.insert(webauthnChallenges).values(challenge));
}

export async function findChallenge(challenge: string): Promise<WebauthnChallenge | null> {
  return (await statements().byChallenge.get({ challenge })) ?? null;
}

/**
 * Marks the challenge used, in one statement, if it is unused, of `purpose` and bound to the browser whose binding
 * hash is given; returns the row as it was issued (with `usedAt` now set), or null when nothing matched (unknown,
 * used, another purpose or another browser: findChallenge tells which). Expiry is for the caller to check: an
 * expired challenge is still claimed, so it is spent either way.
 */
export async function claimChallenge(
  challenge: string,
  purpose: WebauthnChallenge['purpose'],
  bindingHash: string,
  at: Date,
): Promise<WebauthnChallenge | null> {
  return (await statements().claim.get({ challenge, purpose, bindingHash, at })) ?? null;
}
