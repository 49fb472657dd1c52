// Data access for outbox rows: messages waiting to be delivered, and what was sent.
import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Queries } from '../../db/database';
import type { OutboxMessage } from '../../db/schema';
import { outbox } from '../../db/tables';
import { getDb } from './db.server';
import { seal, unseal } from './sealed-text.server';

export type NewOutboxMessage = Pick<OutboxMessage, 'accountId' | 'channel' | 'recipient' | 'subject' | 'body'> &
  Partial<Pick<OutboxMessage, 'expiresAt' | 'incidentId'>>;

export async function queueMessages(messages: NewOutboxMessage[], now = new Date()): Promise<void> {
  await queueMessagesIn(getDb(), messages, now);
}

/** queueMessages inside a transaction the caller holds. */
export async function queueMessagesIn(tx: Queries, messages: NewOutboxMessage[], now = new Date()): Promise<void> {
  if (messages.length === 0) return;
  const rows = messages.map((message) => ({ ...message, body: seal(message.body), status: 'pending' as const, nextAttemptAt: now }));
  await tx.run((db) => db.insert(outbox).values(rows));
}

/**
 * Claims up to `limit` due messages by pushing their next attempt to `leaseUntil` in one statement, so two processes
 * never send the same message and a crash mid-send only delays it. On PostgreSQL the rows another process is claiming
 * at that instant are skipped (FOR UPDATE SKIP LOCKED) rather than waited for.
 */
export async function claimDueMessages(now: Date, leaseUntil: Date, limit: number): Promise<OutboxMessage[]> {
  const db = getDb();
  const claimed = await db.all((q) => {
    const due = q
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
      // In the order of outbox_status_idx, so a claim reads its rows rather than sorting every pending message.
      .orderBy(outbox.nextAttemptAt)
      .limit(limit);
    const dueUnlocked = db.dialect === 'postgres' ? (due as unknown as SkipLocked<typeof due>).for('update', { skipLocked: true }) : due;
    return q
      .update(outbox)
      .set({ nextAttemptAt: leaseUntil })
      .where(and(inArray(outbox.id, dueUnlocked), eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
      .returning();
  });
  return claimed.map(opened);
}

// PostgreSQL's select builder has .for(); SQLite's, whose types models are written against, has not.
type SkipLocked<Q> = { for(strength: 'update', config: { skipLocked: true }): Q };

/** A row with its body readable (bodies are sealed at rest, sealed-text.server.ts). */
export function opened(row: OutboxMessage): OutboxMessage {
  return { ...row, body: unseal(row.body) };
}

// One-time codes are the only 6-digit numbers in our messages; once delivered they have no business at rest.
const CODE_IN_BODY = /\b\d{6}\b/g;
const REDACTED_CODE = '[code removed after sending]';

/** `redactCodes`: blank one-time codes in the stored copy (demo mode keeps them for /dev/outbox). */
export async function markSent(id: number, attempts: number, at: Date, redactCodes = false): Promise<void> {
  await getDb().run((db) =>
    db.update(outbox).set({ status: 'sent', attempts, sentAt: at, nextAttemptAt: null, lastError: null }).where(eq(outbox.id, id)),
  );
  if (redactCodes) await redactStoredCodes(id);
}

async function redactStoredCodes(id: number): Promise<void> {
  const db = getDb();
  const row = await db.get((q) => q.select({ body: outbox.body }).from(outbox).where(eq(outbox.id, id)));
  if (!row) return;
  const body = unseal(row.body);
  const redacted = body.replace(CODE_IN_BODY, REDACTED_CODE);
  if (redacted !== body)
    await db.run((q) =>
      q
        .update(outbox)
        .set({ body: seal(redacted) })
        .where(eq(outbox.id, id)),
    );
}

/** A message whose code expired before it could be sent: never sent, the code blanked. */
export async function markExpired(id: number, attempts: number): Promise<void> {
  await getDb().run((db) => db.update(outbox).set({ status: 'expired', attempts, nextAttemptAt: null }).where(eq(outbox.id, id)));
  await redactStoredCodes(id);
}

export async function markRetry(id: number, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
  await getDb().run((db) => db.update(outbox).set({ attempts, nextAttemptAt, lastError: error }).where(eq(outbox.id, id)));
}

export async function markFailed(id: number, attempts: number, error: string, redactCodes = false): Promise<void> {
  await getDb().run((db) =>
    db.update(outbox).set({ status: 'failed', attempts, nextAttemptAt: null, lastError: error }).where(eq(outbox.id, id)),
  );
  if (redactCodes) await redactStoredCodes(id);
}

/** Newest first, for the dev outbox page. */
export async function listRecentMessages(limit: number): Promise<OutboxMessage[]> {
  const rows = await getDb().all((db) => db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit));
  return rows.map(opened);
}

/** The newest message to a recipient (email or E.164 phone), for tests reading one-time codes. */
export async function latestMessageTo(recipient: string): Promise<OutboxMessage | null> {
  const row = await getDb().get((db) => db.select().from(outbox).where(eq(outbox.recipient, recipient)).orderBy(desc(outbox.id)).limit(1));
  return row ? opened(row) : null;
}

/** opened() for a row that may be missing (tests and pages reading one message). */
export function openedOrNull(row: OutboxMessage | undefined): OutboxMessage | undefined {
  return row ? opened(row) : undefined;
}
