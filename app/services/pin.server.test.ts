import { verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { opened } from '~/models/outbox.server';
import { accounts, auditEvents, outbox } from '../../db/tables';
import { storedAnywhere, testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { saidBy } from '../../tests/helpers/requests';
import { hashPin, pinMatches } from './pin-hash.server';
import { changePin, verifyPin, VERIFY_LOCK_MS } from './pin.server';

const agent = { type: 'staff', id: '7' } as const;

async function accountId(accountNumber: string): Promise<number> {
  return (await testDatabase().get((db) => db.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, accountNumber))))!
    .id;
}

/** A signed-in person on the account, as the session service hands them to the PIN service. */
async function person(accountNumber: string, role: 'holder' | 'authorized' | 'line' = 'holder') {
  return { accountId: await accountId(accountNumber), customerId: 1, role };
}

const auditOf = (id: number) =>
  testDatabase().all((db) => db.select().from(auditEvents).where(eq(auditEvents.accountId, id)).orderBy(auditEvents.id));

beforeAll(() => withDemoAccounts());

describe('PIN hashing', () => {
  it('uses Argon2id at OWASP parameters over a peppered HMAC, never the bare PIN', async () => {
    const stored = await hashPin('583920');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored).not.toContain('583920');
    expect(await pinMatches(stored, '583920')).toBe(true);
    expect(await pinMatches(stored, '583921')).toBe(false);
    // Without the pepper the hash is useless to whoever stole it.
    expect(await verify(stored, '583920')).toBe(false);
  });

  it('treats a malformed stored hash as no match rather than an error', async () => {
    expect(await pinMatches('not-a-hash', '583920')).toBe(false);
  });
});

describe('changePin', () => {
  it('refuses PINs built from the account own data, each with its rule', async () => {
    const holder = await person('100000001'); // lines +12065550101/+12065550102, born 1984-03-09
    const cases: Array<[string, string]> = [
      ['206555', 'phone'],
      ['000000', 'repeated'],
      ['19840309', 'birthDate'],
      ['100000001', 'account'],
    ];
    for (const [pin, rule] of cases) {
      const result = await changePin({ session: holder, pin, confirmation: pin });
      expect(result.ok, pin).toBe(false);
      if (!result.ok) expect(result.broken, pin).toContain(rule);
    }
  });

  it("sets a first PIN at once, dated, announced to the holder's contacts only, without a link, audited without the PIN", async () => {
    const holder = await person('100000009'); // four lines and an email; the holder's line is +15125550110
    const now = new Date('2026-11-20T10:00:00Z');
    const result = await changePin({ session: holder, pin: '583920', confirmation: '583920', now });
    expect(result).toEqual({ ok: true, changedAt: now });
    const account = (await testDatabase().get((db) => db.select().from(accounts).where(eq(accounts.id, holder.accountId))))!;
    expect(account.pinChangedAt).toEqual(now);
    const notices = (await testDatabase().all((db) => db.select().from(outbox).where(eq(outbox.accountId, holder.accountId)))).map(opened);
    expect(notices.map((notice) => notice.recipient).sort()).toEqual(['+15125550110', 'drew@example.com']);
    for (const notice of notices) {
      expect(notice.subject).toBe('An account PIN was set');
      expect(notice.body).toContain("If this wasn't you, call 611");
      expect(notice.body).not.toMatch(/https?:|www\./);
      expect(notice.body).not.toContain('583920');
    }
    const audit = await auditOf(holder.accountId);
    expect(audit.map((event) => event.action)).toContain('pin.set');
    expect(JSON.stringify(audit)).not.toContain('583920');
  });

  it('refuses an authorized user and a line user with a 403 and a sentence, and changes nothing', async () => {
    for (const role of ['authorized', 'line'] as const) {
      const refused = await changePin({ session: await person('100000011', role), pin: '583920', confirmation: '583920' }).catch(
        (error) => error,
      );
      expect(refused).toBeInstanceOf(Response);
      expect((refused as Response).status).toBe(403);
      expect(await saidBy(refused as Response)).toBe(
        'Only the account holder can change the account PIN. You can ask them to: choose “Ask the account holder”.',
      );
    }
    expect(
      (await testDatabase().get((db) => db.select().from(accounts).where(eq(accounts.accountNumber, '100000011'))))!.pinHash,
    ).toBeNull();
  });

  it('once a PIN is set, asks for it: missing and wrong are refused, wrong tries count toward the Verify PIN lock', async () => {
    const holder = await person('100000003');
    expect((await changePin({ session: holder, pin: '583920', confirmation: '583920' })).ok).toBe(true);
    expect(await changePin({ session: holder, pin: '640271', confirmation: '640271' })).toEqual({
      ok: false,
      broken: [],
      problem: 'missing',
    });
    const now = new Date();
    for (let attempt = 1; attempt <= 4; attempt++) {
      const wrong = await changePin({ session: holder, currentPin: '111111', pin: '640271', confirmation: '640271', now });
      expect(wrong).toEqual({ ok: false, broken: [], problem: 'wrong', attemptsLeft: 5 - attempt, lockedUntil: null });
    }
    // The agents' Verify PIN shares the count: its 5th wrong PIN locks both.
    expect(await verifyPin({ accountId: holder.accountId, candidate: '222222', actor: agent, now })).toMatchObject({
      result: 'no-match',
      attemptsLeft: 0,
    });
    const locked = await changePin({ session: holder, currentPin: '583920', pin: '640271', confirmation: '640271', now });
    expect(locked).toEqual({ ok: false, broken: [], problem: 'locked', lockedUntil: new Date(now.getTime() + VERIFY_LOCK_MS) });
    const later = new Date(now.getTime() + VERIFY_LOCK_MS + 1);
    expect(await changePin({ session: holder, currentPin: '583920', pin: '640271', confirmation: '640271', now: later })).toEqual({
      ok: true,
      changedAt: later,
    });
    const refusals = (await auditOf(holder.accountId)).filter((event) => event.action === 'pin.current_pin_refused');
    expect(refusals).toHaveLength(5);
  });

  it('refuses the current PIN and the last three, accepts the fourth before', async () => {
    const holder = await person('100000012');
    const pins = ['583920', '640271', '902718', '371846'];
    let current: string | undefined;
    for (const pin of pins) {
      expect((await changePin({ session: holder, currentPin: current, pin, confirmation: pin })).ok).toBe(true);
      current = pin;
    }
    for (const pin of pins) {
      const again = await changePin({ session: holder, currentPin: current, pin, confirmation: pin });
      expect(again, pin).toEqual({ ok: false, broken: ['reused'] });
    }
    // One more change pushes the first PIN out of the kept history, so it may come back.
    expect((await changePin({ session: holder, currentPin: current, pin: '815263', confirmation: '815263' })).ok).toBe(true);
    expect((await changePin({ session: holder, currentPin: '815263', pin: '583920', confirmation: '583920' })).ok).toBe(true);
  });

  it('refuses a confirmation that does not match', async () => {
    const result = await changePin({ session: await person('100000007'), pin: '583920', confirmation: '583902' });
    expect(result).toEqual({ ok: false, broken: ['confirm'] });
  });

  it('never leaves the PIN in clear in the database file', async () => {
    expect((await changePin({ session: await person('100000004'), pin: '864209', confirmation: '864209' })).ok).toBe(true);
    // The SQLite file's bytes, or on PostgreSQL every row of every table.
    expect(await storedAnywhere('864209')).toBe(false);
    expect(await storedAnywhere('$argon2id$')).toBe(true);
  });
});

describe('verifyPin', () => {
  it('answers match or no match, locks for 15 minutes after five failures, and audits every attempt', async () => {
    const id = await accountId('100000006');
    await changePin({ session: await person('100000006'), pin: '583920', confirmation: '583920' });
    const start = new Date();
    expect(await verifyPin({ accountId: id, candidate: '583920', actor: agent, now: start })).toEqual({ result: 'match' });
    for (let attempt = 1; attempt <= 4; attempt++) {
      const outcome = await verifyPin({ accountId: id, candidate: '111111', actor: agent, now: start });
      expect(outcome).toEqual({ result: 'no-match', attemptsLeft: 5 - attempt, lockedUntil: null });
    }
    const fifth = await verifyPin({ accountId: id, candidate: '111111', actor: agent, now: start });
    expect(fifth).toEqual({ result: 'no-match', attemptsLeft: 0, lockedUntil: new Date(start.getTime() + VERIFY_LOCK_MS) });
    // Locked: even the right PIN is not checked.
    const locked = await verifyPin({ accountId: id, candidate: '583920', actor: agent, now: new Date(start.getTime() + 60_000) });
    expect(locked).toEqual({ result: 'locked', lockedUntil: new Date(start.getTime() + VERIFY_LOCK_MS) });
    const later = new Date(start.getTime() + VERIFY_LOCK_MS + 1);
    expect(await verifyPin({ accountId: id, candidate: '583920', actor: agent, now: later })).toEqual({ result: 'match' });

    const attempts = (await auditOf(id)).filter((event) => event.action === 'pin.verify');
    expect(attempts).toHaveLength(8);
    expect(JSON.stringify(attempts)).not.toMatch(/583920|111111/);
  });

  it('parallel guesses get five checks at most, the rest are locked', async () => {
    const id = await accountId('100000013');
    await changePin({ session: await person('100000013'), pin: '583920', confirmation: '583920' });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) => verifyPin({ accountId: id, candidate: String(600000 + index), actor: agent })),
    );
    expect(outcomes.filter((outcome) => outcome.result === 'no-match')).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome.result === 'locked')).toHaveLength(15);
  });

  it('says when an account has no PIN yet', async () => {
    expect(await verifyPin({ accountId: await accountId('100000002'), candidate: '583920', actor: agent })).toEqual({ result: 'no-pin' });
  });
});

describe('PIN change attempts', () => {
  it('limits attempts that reach the hashed reuse check, not the ones the cheap rules refuse', async () => {
    const holder = await person('100000005');
    for (let attempt = 0; attempt < 15; attempt++) {
      expect((await changePin({ session: holder, pin: '111111', confirmation: '111111' })).ok).toBe(false);
    }
    let current: string | undefined;
    for (let attempt = 0; attempt < 10; attempt++) {
      const pin = String(640000 + attempt * 1237);
      expect((await changePin({ session: holder, currentPin: current, pin, confirmation: pin })).ok, pin).toBe(true);
      current = pin;
    }
    const refused = await changePin({ session: holder, currentPin: current, pin: '761942', confirmation: '761942' }).catch(
      (error) => error,
    );
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(429);
  });
});
