import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { desc, eq, gte, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../db/schema';
import { auditEvents } from '../../db/tables';
import { dropAuditGuards, onPostgres, rawSql, testDatabase } from '../../tests/helpers/db';
import { auditKeys, canonicalJson, recordAudit, verifyAuditChain } from './audit.server';

const agent = { type: 'staff', id: '7' } as const;

async function recordThree() {
  await recordAudit({ actor: { type: 'customer', id: '1' }, action: 'passkey.added', accountId: 1, details: { name: 'Phone' } });
  await recordAudit({ actor: agent, action: 'account.looked-up', accountId: 2, details: { via: 'phone' } });
  await recordAudit({ actor: { type: 'system', id: null }, action: 'outbox.failed' });
}

/** Every event in order, as stored. */
const rows = (): Promise<AuditEvent[]> => testDatabase().all((db) => db.select().from(auditEvents).orderBy(auditEvents.id));

/** Rewrites event #id behind the code's back. */
const tamper = (id: number, values: Partial<typeof auditEvents.$inferInsert>) =>
  testDatabase().run((db) => db.update(auditEvents).set(values).where(eq(auditEvents.id, id)));

/** The fields the chain hashes, as someone reading the row computes them. */
const chained = (row: AuditEvent) => ({
  at: row.at.getTime(),
  actorType: row.actorType,
  actorId: row.actorId,
  action: row.action,
  accountId: row.accountId,
  details: row.details ?? null,
});

// The tests below play someone who can write to the database and so can drop the guard: the chain must catch them.
beforeAll(() => dropAuditGuards());

beforeEach(async () => {
  await testDatabase().run((db) => db.delete(auditEvents));
  // Numbering starts again at 1, as in a fresh database.
  await rawSql(
    onPostgres()
      ? sql`ALTER TABLE audit_events ALTER COLUMN id RESTART WITH 1`
      : sql`DELETE FROM sqlite_sequence WHERE name = 'audit_events'`,
  );
  rmSync(auditKeys().headPath, { force: true });
});

describe('audit log', () => {
  it('appends events chained to the one before and verifies them', async () => {
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 0 });
    await recordThree();
    const stored = await rows();
    expect(stored).toHaveLength(3);
    expect(stored[0]!.prevHash).toBe('0'.repeat(64));
    expect(stored[1]!.prevHash).toBe(stored[0]!.hash);
    expect(stored[2]!.prevHash).toBe(stored[1]!.hash);
    expect(stored[2]!.details).toBeNull();
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 3 });
  });

  it.each<[string, Partial<typeof auditEvents.$inferInsert>]>([
    ['details', { details: { name: 'Laptop' } }],
    ['action', { action: 'account.viewed' }],
    ['account', { accountId: 99 }],
    ['actor', { actorId: '8' }],
  ])('names the event whose %s was changed', async (_field, change) => {
    await recordThree();
    await tamper(2, change);
    expect(await verifyAuditChain()).toEqual({ ok: false, eventId: 2, reason: expect.stringContaining('the event was changed') });
  });

  it('detects a deleted event in the middle of the chain', async () => {
    await recordThree();
    await testDatabase().run((db) => db.delete(auditEvents).where(eq(auditEvents.id, 2)));
    expect(await verifyAuditChain()).toEqual({ ok: false, eventId: 3, reason: 'the event before it is missing' });
  });

  it('detects an event rewritten with a recomputed hash by the next one no longer linking to it', async () => {
    await recordThree();
    const row = (await testDatabase().get((db) => db.select().from(auditEvents).where(eq(auditEvents.id, 2))))!;
    const forged = { ...chained(row), action: 'account.viewed', details: { via: 'phone' } };
    const hash = createHash('sha256')
      .update(row.prevHash + canonicalJson(forged))
      .digest('hex');
    await tamper(2, { action: 'account.viewed', hash });
    // Without the key the forger can only make a plain hash, which the keyed check refuses at the event itself.
    expect(await verifyAuditChain()).toEqual({ ok: false, eventId: 2, reason: expect.stringContaining('keyed hash') });
  });

  it('refuses details that would carry a PIN, code or token, and malformed events', async () => {
    await expect(recordAudit({ actor: agent, action: 'pin.verified', details: { pin: '123456' } })).rejects.toThrow(/PINs/);
    await expect(recordAudit({ actor: agent, action: '', accountId: 1 })).rejects.toThrow();
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 0 });
  });

  it('hashes details the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
  });
});

describe('finding 9: the audit chain cannot be rewritten', () => {
  /** What someone with write access but without the key can do: recompute every hash, plain SHA-256, in order. */
  async function recomputeWithoutTheKey(scheme: 'sha256' | 'hmac-sha256') {
    let prev = '0'.repeat(64);
    for (const row of await rows()) {
      const hash = createHash('sha256')
        .update(prev + canonicalJson(chained(row)))
        .digest('hex');
      await tamper(row.id, { prevHash: prev, hash, scheme });
      prev = hash;
    }
  }

  it('keys each hash with the audit key: the stored hash is not the plain SHA-256 anyone could compute', async () => {
    await recordThree();
    const [first] = await rows();
    expect(first!.details).toEqual({ name: 'Phone' });
    expect(first!.scheme).toBe('hmac-sha256');
    expect(first!.hash).not.toBe(
      createHash('sha256')
        .update('0'.repeat(64) + canonicalJson(chained(first!)))
        .digest('hex'),
    );
  });

  it('names a chain recomputed without the key, whether it keeps the keyed scheme or claims the old one', async () => {
    await recordThree();
    await recomputeWithoutTheKey('hmac-sha256');
    expect(await verifyAuditChain()).toEqual({ ok: false, eventId: 1, reason: expect.stringContaining('recomputed without the key') });
    await recomputeWithoutTheKey('sha256');
    expect(await verifyAuditChain()).toEqual({
      ok: false,
      eventId: 3,
      reason: 'it does not match the head kept outside the database (the log was rewritten)',
    });
  });

  it('names a forged event appended after the keyed ones with the plain scheme anyone could compute', async () => {
    await recordThree();
    const last = await testDatabase().get((db) =>
      db.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1),
    );
    const forged = { at: Date.now(), actorType: 'system', actorId: null, action: 'pin.changed', accountId: null, details: null };
    const hash = createHash('sha256')
      .update(last!.hash + canonicalJson(forged))
      .digest('hex');
    await testDatabase().run((db) =>
      db.insert(auditEvents).values({
        at: new Date(forged.at),
        actorType: 'system',
        actorId: null,
        action: 'pin.changed',
        accountId: null,
        details: null,
        prevHash: last!.hash,
        hash,
        scheme: 'sha256',
      }),
    );
    expect(await verifyAuditChain()).toEqual({
      ok: false,
      eventId: 4,
      reason: 'it is unkeyed after keyed events (the chain was recomputed without the key)',
    });
  });

  it('names missing newest events from the head kept outside the database', async () => {
    await recordThree();
    await testDatabase().run((db) => db.delete(auditEvents).where(gte(auditEvents.id, 2)));
    expect(await verifyAuditChain()).toEqual({
      ok: false,
      eventId: 3,
      reason: 'the newest 2 events are missing (the head kept outside the database names event #3)',
    });
  });
});
