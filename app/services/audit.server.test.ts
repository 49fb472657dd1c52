import { createHash } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dropAuditGuards, testDb } from '../../tests/helpers/db';
import { canonicalJson, recordAudit, verifyAuditChain } from './audit.server';

const agent = { type: 'staff', id: '7' } as const;

async function recordThree() {
  await recordAudit({ actor: { type: 'customer', id: '1' }, action: 'passkey.added', accountId: 1, details: { name: 'Phone' } });
  await recordAudit({ actor: agent, action: 'account.looked-up', accountId: 2, details: { via: 'phone' } });
  await recordAudit({ actor: { type: 'system', id: null }, action: 'outbox.failed' });
}

function sql(statement: string) {
  testDb().$client.prepare(statement).run();
}

// The tests below play someone who can write to the database file and so can drop the guard: the chain must catch them.
beforeAll(() => dropAuditGuards());

beforeEach(() => {
  sql('DELETE FROM audit_events');
  sql("DELETE FROM sqlite_sequence WHERE name = 'audit_events'");
});

describe('audit log', () => {
  it('appends events chained to the one before and verifies them', async () => {
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 0 });
    await recordThree();
    const rows = testDb().$client.prepare('SELECT id, prev_hash, hash, details FROM audit_events ORDER BY id').all() as {
      id: number;
      prev_hash: string;
      hash: string;
      details: string | null;
    }[];
    expect(rows).toHaveLength(3);
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    expect(rows[2]!.details).toBeNull();
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 3 });
  });

  it.each([
    ['details', `UPDATE audit_events SET details = '{"name":"Laptop"}' WHERE id = 2`],
    ['action', `UPDATE audit_events SET action = 'account.viewed' WHERE id = 2`],
    ['account', 'UPDATE audit_events SET account_id = 99 WHERE id = 2'],
    ['actor', "UPDATE audit_events SET actor_id = '8' WHERE id = 2"],
  ])('names the event whose %s was changed', async (_field, tamper) => {
    await recordThree();
    sql(tamper);
    expect(await verifyAuditChain()).toEqual({ ok: false, eventId: 2, reason: expect.stringContaining('changed') });
  });

  it('detects a deleted event in the middle of the chain', async () => {
    await recordThree();
    sql('DELETE FROM audit_events WHERE id = 2');
    expect(await verifyAuditChain()).toEqual({ ok: false, eventId: 3, reason: 'the event before it is missing' });
  });

  it('detects an event rewritten with a recomputed hash by the next one no longer linking to it', async () => {
    await recordThree();
    const row = testDb().$client.prepare('SELECT * FROM audit_events WHERE id = 2').get() as Record<string, string | number | null>;
    const forged = {
      at: row.at,
      actorType: row.actor_type,
      actorId: row.actor_id,
      action: 'account.viewed',
      accountId: row.account_id,
      details: { via: 'phone' },
    };
    const hash = createHash('sha256')
      .update(String(row.prev_hash) + canonicalJson(forged))
      .digest('hex');
    testDb().$client.prepare("UPDATE audit_events SET action = 'account.viewed', hash = ? WHERE id = 2").run(hash);
    expect(await verifyAuditChain()).toEqual({ ok: false, eventId: 3, reason: 'its previous hash does not match event #2' });
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
