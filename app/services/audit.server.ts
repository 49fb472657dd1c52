// Append-only, hash-chained audit log: each event carries the hash of the one before, so edits and deletions show.
import { z } from 'zod';
import { appendAudit, auditEventsInOrder, chainHash, GENESIS_HASH } from '../models/audit-event.server';

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
  await appendAudit({
    actorType: parsed.actor.type,
    actorId: parsed.actor.id,
    action: parsed.action,
    accountId: parsed.accountId ?? null,
    details: parsed.details ?? null,
  });
}

export async function verifyAuditChain(): Promise<{ ok: true; count: number } | { ok: false; eventId: number; reason: string }> {
  let previous: { id: number; hash: string } | null = null;
  let count = 0;
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
    if (row.hash !== chainHash(row.prevHash, row)) {
      return { ok: false, eventId: row.id, reason: 'its contents do not match its hash (the event was changed)' };
    }
    previous = { id: row.id, hash: row.hash };
    count += 1;
  }
  return { ok: true, count };
}
