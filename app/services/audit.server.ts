// Append-only, hash-chained audit log: each event carries the hash of the one before, so edits and deletions show.
import { createHash } from 'node:crypto';
import { asc, desc, gt } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents, type AuditEvent } from '../../db/schema';
import { getDb } from '../models/db.server';

export type AuditActor = { type: 'customer' | 'staff' | 'system' | 'operator'; id: string | null };

const GENESIS_HASH = '0'.repeat(64);

// Never put PINs, codes or tokens in details: the log is read by staff and kept forever.
const FORBIDDEN_DETAIL_KEYS = new Set(['pin', 'code', 'token', 'otp', 'secret', 'password']);

const eventSchema = z.object({
  actor: z.object({ type: z.enum(['customer', 'staff', 'system', 'operator']), id: z.string().min(1).nullable() }),
  action: z.string().trim().min(1).max(100), // e.g. passkey.added
  accountId: z.number().int().positive().nullish(),
  details: z
    .record(z.unknown())
    .refine((details) => !Object.keys(details).some((key) => FORBIDDEN_DETAIL_KEYS.has(key.toLowerCase())), {
      message: 'audit details must not carry PINs, codes or tokens',
    })
    .nullish(),
});

type ChainedFields = Pick<AuditEvent, 'at' | 'actorType' | 'actorId' | 'action' | 'accountId' | 'details'>;

export async function recordAudit(event: {
  actor: AuditActor;
  action: string;
  accountId?: number | null;
  details?: Record<string, unknown>;
}): Promise<void> {
  const parsed = eventSchema.parse(event);
  const db = getDb();
  // IMMEDIATE takes the write lock before reading the last hash, so two processes cannot fork the chain.
  db.$client
    .transaction(() => {
      const last = db.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get();
      const fields: ChainedFields = {
        at: new Date(),
        actorType: parsed.actor.type,
        actorId: parsed.actor.id,
        action: parsed.action,
        accountId: parsed.accountId ?? null,
        // A JSON round trip makes the stored details exactly what was hashed (Dates become strings, undefined goes).
        details: parsed.details ? (JSON.parse(JSON.stringify(parsed.details)) as Record<string, unknown>) : null,
      };
      const prevHash = last?.hash ?? GENESIS_HASH;
      db.insert(auditEvents).values({ ...fields, prevHash, hash: chainHash(prevHash, fields) }).run();
    })
    .immediate();
}

export async function verifyAuditChain(): Promise<{ ok: true; count: number } | { ok: false; eventId: number; reason: string }> {
  let previous: { id: number; hash: string } | null = null;
  let count = 0;
  for (const row of eventsInOrder()) {
    const expectedPrev = previous?.hash ?? GENESIS_HASH;
    if (row.prevHash !== expectedPrev) {
      const missing = row.id - (previous?.id ?? 0) - 1;
      const reason =
        missing > 0
          ? `${missing === 1 ? 'the event' : `${missing} events`} before it ${missing === 1 ? 'is' : 'are'} missing`
          : `its previous hash does not match event #${previous?.id ?? 'none'}`;
      return { ok: false, eventId: row.id, reason };
    }
    if (row.hash !== chainHash(row.prevHash, row)) {
      return { ok: false, eventId: row.id, reason: 'its contents do not match its hash (the event was changed)' };
    }
    previous = { id: row.id, hash: row.hash };
    count += 1;
  }
  return { ok: true, count };
}

// Read in pages by id so a long log is checked without loading it all at once.
function* eventsInOrder(pageSize = 1000): Generator<AuditEvent> {
  let afterId = 0;
  for (;;) {
    const page = getDb().select().from(auditEvents).where(gt(auditEvents.id, afterId)).orderBy(asc(auditEvents.id)).limit(pageSize).all();
    yield* page;
    if (page.length < pageSize) return;
    afterId = page[page.length - 1]!.id;
  }
}

function chainHash(prevHash: string, fields: ChainedFields): string {
  const canonical = canonicalJson({
    at: fields.at.getTime(),
    actorType: fields.actorType,
    actorId: fields.actorId,
    action: fields.action,
    accountId: fields.accountId,
    details: fields.details ?? null,
  });
  return createHash('sha256').update(prevHash + canonical).digest('hex');
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
