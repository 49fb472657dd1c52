// The audit log's chain, at the database layer so that the portal and operator commands (the import) append to one
// chain the same way. Each event carries the keyed hash (HMAC-SHA-256) of itself and the one before, with a key kept
// outside the database, so an edit or a chain recomputed without the key shows; the newest event's number and hash
// (the head) are kept outside the database too, so a cut tail shows.
import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { desc } from 'drizzle-orm';
import type { Database } from './database';
import type { AuditEvent } from './schema';
import { auditEvents } from './tables';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = Pick<AuditEvent, 'at' | 'actorType' | 'actorId' | 'action' | 'accountId' | 'details'>;

/** The key the chain is made with, and where its head is kept: both outside the database and its backups. */
export interface AuditKeys {
  key: string;
  headPath: string;
}

export interface AuditHead {
  id: number;
  hash: string;
}

/**
 * Appends one event. The write transaction (SQLite's write lock, PostgreSQL's advisory lock on the chain) is held
 * before the last hash is read, so two processes cannot fork the chain; the head is written while it is held, so it
 * only ever moves forward.
 */
export async function appendAuditEvent(db: Database, event: Omit<ChainedFields, 'at'> & { at?: Date }, keys: AuditKeys): Promise<void> {
  const fields: ChainedFields = {
    ...event,
    at: event.at ?? new Date(),
    // A JSON round trip makes the stored details exactly what was hashed (Dates become strings, undefined goes).
    details: event.details ? (JSON.parse(JSON.stringify(event.details)) as Record<string, unknown>) : null,
  };
  await db.transaction(
    async (tx) => {
      const last = await tx.get((q) => q.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1));
      const prevHash = last?.hash ?? GENESIS_HASH;
      const hash = keyedChainHash(keys.key, prevHash, fields);
      const { id } = (await tx.get((q) =>
        q
          .insert(auditEvents)
          .values({ ...fields, prevHash, hash, scheme: 'hmac-sha256' })
          .returning({ id: auditEvents.id }),
      ))!;
      writeHead(keys.headPath, { id, hash });
    },
    { lock: 'audit chain' },
  );
}

export function keyedChainHash(key: string, prevHash: string, fields: ChainedFields): string {
  return createHmac('sha256', key)
    .update(prevHash + canonicalEvent(fields))
    .digest('hex');
}

/** How events were chained before the key: plain SHA-256, which anyone with write access could recompute. */
export function unkeyedChainHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256')
    .update(prevHash + canonicalEvent(fields))
    .digest('hex');
}

function canonicalEvent(fields: ChainedFields): string {
  return canonicalJson({
    at: fields.at.getTime(),
    actorType: fields.actorType,
    actorId: fields.actorId,
    action: fields.action,
    accountId: fields.accountId,
    details: fields.details ?? null,
  });
}

/** The head as last written; null when there is none yet. */
export function readHead(headPath: string): AuditHead | null {
  try {
    const parsed = JSON.parse(readFileSync(headPath, 'utf8')) as Partial<AuditHead>;
    return typeof parsed.id === 'number' && typeof parsed.hash === 'string' ? { id: parsed.id, hash: parsed.hash } : null;
  } catch {
    return null;
  }
}

// Written to a temporary file and renamed over the old one, so a reader never sees half a head.
function writeHead(headPath: string, head: AuditHead): void {
  mkdirSync(path.dirname(headPath), { recursive: true });
  const temporary = `${headPath}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(head)}\n`, { mode: 0o600 });
  renameSync(temporary, headPath);
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
