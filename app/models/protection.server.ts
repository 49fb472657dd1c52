// Port-out and SIM protection rows and the queue of calls to provisioning. A lock is 'on' only once provisioning
// confirmed it (markApplied); until then the change is pending, and after the last retry it is failed.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Protection, ProtectionLock, ProvisioningRequest, Requester } from '../../db/schema';
import { protections, provisioningRequests } from '../../db/tables';
import { getDb, preparedStatements } from './db.server';

/** '' is the whole account (DESIGN section 12 sends it as line: null). */
export const WHOLE_ACCOUNT = '';

// Read by every dashboard view (the checklist's port-out step).
const reads = preparedStatements((prepare) => ({
  protections: prepare((db) =>
    db
      .select()
      .from(protections)
      .where(eq(protections.accountId, sql.placeholder('accountId')))
      .orderBy(asc(protections.id)),
  ),
}));

export async function listProtections(accountId: number): Promise<Protection[]> {
  return reads().protections.all({ accountId });
}

export interface ChangeRequest {
  accountId: number;
  line: string;
  lock: ProtectionLock;
  state: 'on' | 'off';
  requestedBy: Requester;
  requestedByCustomerId: number | null;
}

export type ChangeOutcome = { queued: ProvisioningRequest } | { unchanged: 'already' | 'pending' };

/**
 * Queues a change in one transaction: a lock already in that state, or already on its way there, queues nothing
 * (a second click, a second browser); a change that supersedes one still waiting marks the older request superseded.
 */
export async function requestChange(change: ChangeRequest, now: Date): Promise<ChangeOutcome> {
  return getDb().transaction(async (tx) => {
    const key = and(eq(protections.accountId, change.accountId), eq(protections.line, change.line), eq(protections.lock, change.lock));
    await tx.run((db) =>
      db
        .insert(protections)
        .values({ accountId: change.accountId, line: change.line, lock: change.lock, updatedAt: now })
        .onConflictDoNothing({ target: [protections.accountId, protections.line, protections.lock] }),
    );
    const current = (await tx.get((db) => db.select().from(protections).where(key)))!;
    if (current.pending === change.state && current.failedAt === null) return { unchanged: 'pending' as const };
    if (current.pending === null && current.confirmed === change.state) return { unchanged: 'already' as const };
    await tx.run((db) =>
      db
        .update(provisioningRequests)
        .set({ status: 'superseded', finishedAt: now })
        .where(and(eq(provisioningRequests.protectionId, current.id), eq(provisioningRequests.status, 'pending'))),
    );
    const request = (await tx.get((db) =>
      db
        .insert(provisioningRequests)
        .values({
          id: randomUUID(),
          protectionId: current.id,
          accountId: change.accountId,
          line: change.line === WHOLE_ACCOUNT ? null : change.line,
          lock: change.lock,
          state: change.state,
          requestedBy: change.requestedBy,
          requestedByCustomerId: change.requestedByCustomerId,
          nextAttemptAt: now,
        })
        .returning(),
    ))!;
    await tx.run((db) =>
      db
        .update(protections)
        .set({ pending: change.state, failedAt: null, requestId: request.id, updatedAt: now })
        .where(eq(protections.id, current.id)),
    );
    return { queued: request };
  });
}

/**
 * Claims up to `limit` due requests by pushing their next attempt to `leaseUntil` in one statement, so two processes
 * never call provisioning with the same request at once (PostgreSQL skips the rows another process is claiming).
 */
export async function claimDueRequests(now: Date, leaseUntil: Date, limit: number): Promise<ProvisioningRequest[]> {
  const db = getDb();
  return db.all((q) => {
    const due = q
      .select({ id: provisioningRequests.id })
      .from(provisioningRequests)
      .where(and(eq(provisioningRequests.status, 'pending'), lte(provisioningRequests.nextAttemptAt, now)))
      .orderBy(provisioningRequests.createdAt)
      .limit(limit);
    const dueUnlocked = db.dialect === 'postgres' ? (due as unknown as SkipLocked<typeof due>).for('update', { skipLocked: true }) : due;
    return q
      .update(provisioningRequests)
      .set({ nextAttemptAt: leaseUntil })
      .where(
        and(
          inArray(provisioningRequests.id, dueUnlocked),
          eq(provisioningRequests.status, 'pending'),
          lte(provisioningRequests.nextAttemptAt, now),
        ),
      )
      .returning();
  });
}

// PostgreSQL's select builder has .for(); SQLite's, whose types models are written against, has not.
type SkipLocked<Q> = { for(strength: 'update', config: { skipLocked: true }): Q };

/**
 * Provisioning answered 2xx: the request is applied (once: false when another process recorded it first) and the lock
 * is what it asked; a newer request for the same lock keeps it pending until that one is answered too.
 */
export async function markApplied(request: ProvisioningRequest, attempts: number, now: Date): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const recorded = await tx.run((db) =>
      db
        .update(provisioningRequests)
        .set({ status: 'applied', attempts, finishedAt: now, nextAttemptAt: null, lastError: null })
        .where(and(eq(provisioningRequests.id, request.id), inArray(provisioningRequests.status, ['pending', 'superseded']))),
    );
    if (recorded !== 1) return false;
    const protection = (await tx.get((db) => db.select().from(protections).where(eq(protections.id, request.protectionId))))!;
    // Only the newest request's answer sets the lock: an older one answered late would otherwise undo a newer change
    // (the newer request is sent after it and confirms the state it asked for).
    if (protection.requestId === request.id)
      await tx.run((db) =>
        db
          .update(protections)
          .set({ confirmed: request.state, confirmedAt: now, updatedAt: now, pending: null, failedAt: null })
          .where(eq(protections.id, protection.id)),
      );
    return true;
  });
}

/** Schedules the next try, only while this process's lease (`lease`, set by the claim) still holds the request. */
export async function markRetry(requestId: string, lease: Date, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
  await getDb().run((db) =>
    db
      .update(provisioningRequests)
      .set({ attempts, nextAttemptAt, lastError: error })
      .where(
        and(
          eq(provisioningRequests.id, requestId),
          eq(provisioningRequests.status, 'pending'),
          eq(provisioningRequests.nextAttemptAt, lease),
        ),
      ),
  );
}

/** The last retry failed: the request is failed, and so is its lock's change when it was the newest request. */
export async function markFailed(request: ProvisioningRequest, attempts: number, error: string, now: Date): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const recorded = await tx.run((db) =>
      db
        .update(provisioningRequests)
        .set({ status: 'failed', attempts, finishedAt: now, nextAttemptAt: null, lastError: error })
        .where(and(eq(provisioningRequests.id, request.id), eq(provisioningRequests.status, 'pending'))),
    );
    if (recorded !== 1) return false;
    await tx.run((db) =>
      db
        .update(protections)
        .set({ failedAt: now, updatedAt: now })
        .where(and(eq(protections.id, request.protectionId), eq(protections.requestId, request.id))),
    );
    return true;
  });
}

export async function findRequest(id: string): Promise<ProvisioningRequest | null> {
  return (await getDb().get((db) => db.select().from(provisioningRequests).where(eq(provisioningRequests.id, id)))) ?? null;
}
