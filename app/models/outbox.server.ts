// Data access for outbox rows: messages waiting to be delivered, and what was sent.
import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outbox, type OutboxMessage } from '../../db/schema';
import { getDb } from './db.server';
import { seal, unseal } from './sealed-text.server';
import type { Tx } from './transaction.server';

export type NewOutboxMessage = Pick<OutboxMessage, 'accountId' | 'channel' | 'recipient' | 'subject' | 'body'> &
  Partial<Pick<OutboxMessage, 'expiresAt'>>;

export async function queueMessages(messages: NewOutboxMessage[], now = new Date()): Promise<void> {
  queueMessagesIn(getDb(), messages, now);
}

/** queueMessages inside a transaction the caller holds. */
export function queueMessagesIn(tx: Tx | Db, messages: NewOutboxMessage[], now = new Date()): void {
  if (messages.length === 0) return;
  tx.insert(outbox)
    .values(messages.map((message) => ({ ...message, body: seal(message.body), status: 'pending' as const, nextAttemptAt: now })))
    .run();
}

/**
 * Claims up to `limit` due messages by pushing their next attempt to `leaseUntil` in one statement,
 * so two processes never send the same message and a crash mid-send only delays it.
 */
export async function claimDueMessages(now: Date, leaseUntil: Date, limit: number): Promise<OutboxMessage[]> {
  const db = getDb();
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
    .orderBy(outbox.id)
    .limit(limit);
  return db
    .update(outbox)
    .set({ nextAttemptAt: leaseUntil })
    .where(and(inArray(outbox.id, due), eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
    .returning()
    .all()
    .map(opened);
}

/** A row with its body readable (bodies are sealed at rest, sealed-text.server.ts). */
export function opened(row: OutboxMessage): OutboxMessage {
  return { ...row, body: unseal(row.body) };
}

// One-time codes are the only 6-digit numbers in our messages; once delivered they have no business at rest.
const CODE_IN_BODY = /\b\d{6}\b/g;
const REDACTED_CODE = '[code removed after sending]';

/** `redactCodes`: blank one-time codes in the stored copy (demo mode keeps them for /dev/outbox). */
export async function markSent(id: number, attempts: number, at: Date, redactCodes = false): Promise<void> {
  const db = getDb();
  db.update(outbox).set({ status: 'sent', attempts, sentAt: at, nextAttemptAt: null, lastError: null }).where(eq(outbox.id, id)).run();
  if (redactCodes) redactStoredCodes(id);
}

function redactStoredCodes(id: number): void {
  const db = getDb();
  const row = db.select({ body: outbox.body }).from(outbox).where(eq(outbox.id, id)).get();
  if (!row) return;
  const body = unseal(row.body);
  const redacted = body.replace(CODE_IN_BODY, REDACTED_CODE);
  if (redacted !== body)
    db.update(outbox)
      .set({ body: seal(redacted) })
      .where(eq(outbox.id, id))
      .run();
}

/** A message whose code expired before it could be sent: never sent, the code blanked. */
export async function markExpired(id: number, attempts: number): Promise<void> {
  getDb().update(outbox).set({ status: 'expired', attempts, nextAttemptAt: null }).where(eq(outbox.id, id)).run();
  redactStoredCodes(id);
}

export async function markRetry(id: number, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
  getDb().update(outbox).set({ attempts, nextAttemptAt, lastError: error }).where(eq(outbox.id, id)).run();
}

export async function markFailed(id: number, attempts: number, error: string, redactCodes = false): Promise<void> {
  getDb().update(outbox).set({ status: 'failed', attempts, nextAttemptAt: null, lastError: error }).where(eq(outbox.id, id)).run();
  if (redactCodes) redactStoredCodes(id);
}

/** Newest first, for the dev outbox page. */
export async function listRecentMessages(limit: number): Promise<OutboxMessage[]> {
  return getDb().select().from(outbox).orderBy(desc(outbox.id)).limit(limit).all().map(opened);
}

/** The newest message to a recipient (email or E.164 phone), for tests reading one-time codes. */
export async function latestMessageTo(recipient: string): Promise<OutboxMessage | null> {
  const row = getDb().select().from(outbox).where(eq(outbox.recipient, recipient)).orderBy(desc(outbox.id)).limit(1).get();
  return row ? opened(row) : null;
}

/** opened() for a row that may be missing (tests and pages reading one message). */
export function openedOrNull(row: OutboxMessage | undefined): OutboxMessage | undefined {
  return row ? opened(row) : undefined;
}
