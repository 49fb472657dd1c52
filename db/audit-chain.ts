// The audit log's hash chain, at the database layer so that the portal and operator commands (the import) append
// to one chain the same way: each event carries the hash of the one before, so edits and deletions show.
import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type { Db } from './client';
import { auditEvents, type AuditEvent } from './schema';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = Pick<AuditEvent, 'at' | 'actorType' | 'actorId' | 'action' | 'accountId' | 'details'>;

/** Appends one event. IMMEDIATE takes the write lock before reading the last hash, so two processes cannot fork the chain. */
export function appendAuditEvent(db: Db, event: Omit<ChainedFields, 'at'> & { at?: Date }): void {
  const fields: ChainedFields = {
    ...event,
    at: event.at ?? new Date(),
    // A JSON round trip makes the stored details exactly what was hashed (Dates become strings, undefined goes).
    details: event.details ? (JSON.parse(JSON.stringify(event.details)) as Record<string, unknown>) : null,
  };
  db.$client
    .transaction(() => {
      const last = db.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get();
      const prevHash = last?.hash ?? GENESIS_HASH;
      db.insert(auditEvents)
        .values({ ...fields, prevHash, hash: chainHash(prevHash, fields) })
        .run();
    })
    .immediate();
}

export function chainHash(prevHash: string, fields: ChainedFields): string {
  const canonical = canonicalJson({
    at: fields.at.getTime(),
    actorType: fields.actorType,
    actorId: fields.actorId,
    action: fields.action,
    accountId: fields.accountId,
    details: fields.details ?? null,
  });
  return createHash('sha256')
    .update(prevHash + canonical)
    .digest('hex');
}

/** JSON with object keys sorted at every depth, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
