// The audit log's rows: appended through the one chain (db/audit-chain.ts), read back in order to verify it.
import { asc, gt } from 'drizzle-orm';
import { appendAuditEvent, readHead, type AuditHead, type AuditKeys, type ChainedFields } from '../../db/audit-chain';
import type { AuditEvent } from '../../db/schema';
import { auditEvents } from '../../db/tables';
import { getDb } from './db.server';

export { canonicalJson, GENESIS_HASH, keyedChainHash, unkeyedChainHash } from '../../db/audit-chain';

export async function appendAudit(event: Omit<ChainedFields, 'at'>, keys: AuditKeys): Promise<void> {
  await appendAuditEvent(getDb(), event, keys);
}

export async function auditHead(headPath: string): Promise<AuditHead | null> {
  return readHead(headPath);
}

/** Every event, oldest first, read a page at a time so a long log is checked without loading it all at once. */
export async function* auditEventsInOrder(pageSize = 1000): AsyncGenerator<AuditEvent> {
  let afterId = 0;
  for (;;) {
    const from = afterId;
    const page = await getDb().all((db) =>
      db.select().from(auditEvents).where(gt(auditEvents.id, from)).orderBy(asc(auditEvents.id)).limit(pageSize),
    );
    yield* page;
    if (page.length < pageSize) return;
    afterId = page[page.length - 1]!.id;
  }
}
