import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dropAuditGuards, testDb } from '../../tests/helpers/db';
import { auditKeys, canonicalJson, recordAudit, verifyAuditChain } from './audit.server';

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
  rmSync(auditKeys().headPath, { force: true });
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
    expect(await verifyAuditChain()).toEqual({ ok: false, eventId: 2, reason: expect.stringContaining('the event was changed') });
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
  type Row = {
    id: number;
    at: number;
    actor_type: string;
    actor_id: string | null;
    action: string;
    account_id: number | null;
    details: string | null;
  };
  const rows = () => testDb().$client.prepare('SELECT * FROM audit_events ORDER BY id').all() as Row[];

  /** What someone with write access but without the key can do: recompute every hash, plain SHA-256, in order. */
  function recomputeWithoutTheKey(scheme: 'sha256' | 'hmac-sha256') {
    let prev = '0'.repeat(64);
    for (const row of rows()) {
      const fields = {
        at: row.at,
        actorType: row.actor_type,
        actorId: row.actor_id,
        action: row.action,
        accountId: row.account_id,
        details: row.details ? JSON.parse(row.details) : null,
      };
      const hash = createHash('sha256')
        .update(prev + canonicalJson(fields))
        .digest('hex');
      testDb().$client.prepare('UPDATE audit_events SET prev_hash = ?, hash = ?, scheme = ? WHERE id = ?').run(prev, hash, scheme, row.id);
      prev = hash;
    }
  }

  it('keys each hash with the audit key: the stored hash is not the plain SHA-256 anyone could compute', async () => {
    await recordThree();
    const [first] = rows() as Array<Row & { hash: string; scheme: string }>;
    const fields = {
      at: first!.at,
      actorType: first!.actor_type,
      actorId: first!.actor_id,
      action: first!.action,
      accountId: first!.account_id,
      details: JSON.parse(first!.details!),
    };
    expect(first!.scheme).toBe('hmac-sha256');
    expect(first!.hash).not.toBe(
      createHash('sha256')
        .update('0'.repeat(64) + canonicalJson(fields))
        .digest('hex'),
    );
  });

  it('names a chain recomputed without the key, whether it keeps the keyed scheme or claims the old one', async () => {
    await recordThree();
    recomputeWithoutTheKey('hmac-sha256');
    expect(await verifyAuditChain()).toEqual({ ok: false, eventId: 1, reason: expect.stringContaining('recomputed without the key') });
    recomputeWithoutTheKey('sha256');
    expect(await verifyAuditChain()).toEqual({
      ok: false,
      eventId: 3,
      reason: 'it does not match the head kept outside the database (the log was rewritten)',
    });
  });

  it('names a forged event appended after the keyed ones with the plain scheme anyone could compute', async () => {
    await recordThree();
    const [last] = testDb().$client.prepare('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1').all() as Array<{ hash: string }>;
    const forged = { at: Date.now(), actorType: 'system', actorId: null, action: 'pin.changed', accountId: null, details: null };
    const hash = createHash('sha256')
      .update(last!.hash + canonicalJson(forged))
      .digest('hex');
    testDb()
      .$client.prepare(
        "INSERT INTO audit_events (at, actor_type, actor_id, action, account_id, details, prev_hash, hash, scheme) VALUES (?, 'system', NULL, 'pin.changed', NULL, NULL, ?, ?, 'sha256')",
      )
      .run(forged.at, last!.hash, hash);
    expect(await verifyAuditChain()).toEqual({
      ok: false,
      eventId: 4,
      reason: 'it is unkeyed after keyed events (the chain was recomputed without the key)',
    });
  });

  it('names missing newest events from the head kept outside the database', async () => {
    await recordThree();
    sql('DELETE FROM audit_events WHERE id >= 2');
    expect(await verifyAuditChain()).toEqual({
      ok: false,
      eventId: 3,
      reason: 'the newest 2 events are missing (the head kept outside the database names event #3)',
    });
  });
});
