// Append-only audit log, chained with a key kept outside the database: each event carries the keyed hash of itself and
// the one before, and the newest event's number and hash are kept outside too, so edits, a chain recomputed without
// the key, deletions and a cut tail all show (db/audit-chain.ts).
import { z } from 'zod';
import { getConfig } from '../config.server';
import { appendAudit, auditEventsInOrder, auditHead, GENESIS_HASH, keyedChainHash, unkeyedChainHash } from '../models/audit-event.server';

export { canonicalJson } from '../models/audit-event.server';

export type AuditActor = { type: 'customer' | 'staff' | 'system' | 'operator'; id: string | null };

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

export async function recordAudit(event: {
  actor: AuditActor;
  action: string;
  accountId?: number | null;
  details?: Record<string, unknown>;
}): Promise<void> {
  const parsed = eventSchema.parse(event);
  await appendAudit(
    {
      actorType: parsed.actor.type,
      actorId: parsed.actor.id,
      action: parsed.action,
      accountId: parsed.accountId ?? null,
      details: parsed.details ?? null,
    },
    auditKeys(),
  );
}

/** The chain's key and head file, for operator commands (the import) that append to the same chain. */
export function auditKeys() {
  return getConfig().audit;
}

export type AuditVerdict = { ok: true; count: number } | { ok: false; eventId: number; reason: string };

export async function verifyAuditChain(): Promise<AuditVerdict> {
  const { key, headPath } = auditKeys();
  const head = await auditHead(headPath);
  let previous: { id: number; hash: string } | null = null;
  let count = 0;
  let keyedSeen = false;
  for await (const row of auditEventsInOrder()) {
    const expectedPrev = previous?.hash ?? GENESIS_HASH;
    if (row.prevHash !== expectedPrev) {
      const missing = row.id - (previous?.id ?? 0) - 1;
      const reason =
        missing > 0
          ? `${missing === 1 ? 'the event' : `${missing} events`} before it ${missing === 1 ? 'is' : 'are'} missing`
          : `its previous hash does not match event #${previous?.id ?? 'none'}`;
      return { ok: false, eventId: row.id, reason };
    }
    if (row.scheme === 'sha256') {
      // Events from before the key was introduced; none may follow a keyed one.
      if (keyedSeen)
        return { ok: false, eventId: row.id, reason: 'it is unkeyed after keyed events (the chain was recomputed without the key)' };
      if (row.hash !== unkeyedChainHash(row.prevHash, row))
        return { ok: false, eventId: row.id, reason: 'its contents do not match its hash (the event was changed)' };
    } else {
      keyedSeen = true;
      if (row.hash !== keyedChainHash(key, row.prevHash, row)) {
        return {
          ok: false,
          eventId: row.id,
          reason: 'its contents do not match its keyed hash (the event was changed, or the chain recomputed without the key)',
        };
      }
    }
    if (head && row.id === head.id && row.hash !== head.hash) {
      return { ok: false, eventId: row.id, reason: 'it does not match the head kept outside the database (the log was rewritten)' };
    }
    previous = { id: row.id, hash: row.hash };
    count += 1;
  }
  return checkHead(head, previous, count, keyedSeen);
}

/** The head kept outside the database names the newest event: fewer events, or another hash, is a cut or a rewrite. */
function checkHead(
  head: { id: number; hash: string } | null,
  newest: { id: number; hash: string } | null,
  count: number,
  keyed: boolean,
): AuditVerdict {
  if (!head) {
    return keyed
      ? { ok: false, eventId: newest!.id, reason: 'the head kept outside the database is missing (check AUDIT_HEAD_PATH)' }
      : { ok: true, count };
  }
  if (!newest || newest.id < head.id) {
    const missing = head.id - (newest?.id ?? 0);
    return {
      ok: false,
      eventId: head.id,
      reason: `the newest ${missing === 1 ? 'event is' : `${missing} events are`} missing (the head kept outside the database names event #${head.id})`,
    };
  }
  // Events after the head would be a head written late; the head's own event was compared on the way.
  return { ok: true, count };
}
