// The 24-hour PIN reset: announced at once, in force only after 24 hours (the clock is moved, nobody sleeps),
// cancellable by the holder and by an agent, applied once however many times the job runs.
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { opened } from '~/models/outbox.server';
import { ensurePerson } from '~/models/person.server';
import { accountLines, accounts, auditEvents, outbox, pinResets } from '../../db/schema';
import { testDb, withDemoAccounts } from '../../tests/helpers/db';
import { getExposureReport } from './exposure-report.server';
import { pinMatches } from './pin-hash.server';
import { applyDuePinResets, cancelPinReset, pendingPinReset, PIN_RESET_DELAY_MS, requestPinReset } from './pin-reset.server';
import { changePin } from './pin.server';

const HOUR = 60 * 60_000;

function accountId(accountNumber: string): number {
  return testDb().select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, accountNumber)).get()!.id;
}

async function holderOf(accountNumber: string, phone: string) {
  const person = await ensurePerson(accountId(accountNumber), phone);
  return { accountId: person.accountId, customerId: person.id, role: 'holder' as const };
}

const pinHash = (id: number) => testDb().select({ pinHash: accounts.pinHash }).from(accounts).where(eq(accounts.id, id)).get()!.pinHash!;
const noticesTo = (id: number) => testDb().select().from(outbox).where(eq(outbox.accountId, id)).all().map(opened);
const actions = (id: number) =>
  testDb()
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.accountId, id))
    .all()
    .map((event) => event.action);

beforeAll(() => withDemoAccounts());
beforeEach(() => {
  testDb().delete(outbox).run();
});

describe('the 24-hour PIN reset', () => {
  it('announces at once, keeps the old PIN for 24 hours, then puts the new one in force, announced and dated', async () => {
    const holder = await holderOf('100000001', '+12065550101');
    const start = new Date('2026-12-01T09:00:00Z');
    expect((await changePin({ session: holder, pin: '583920', confirmation: '583920', now: new Date(start.getTime() - HOUR) })).ok).toBe(
      true,
    );
    testDb().delete(outbox).run();

    const requested = await requestPinReset({ session: holder, pin: '640271', confirmation: '640271', now: start });
    expect(requested).toEqual({ ok: true, effectiveAt: new Date(start.getTime() + PIN_RESET_DELAY_MS) });
    const atOnce = noticesTo(holder.accountId);
    expect(atOnce.map((notice) => notice.recipient).sort()).toEqual(['+12065550101', 'jordan@example.com']);
    expect(atOnce[0]!.body).toBe(
      'A reset of your account PIN was requested on December 1, 2026 at 1:00 AM Pacific time. The new PIN takes effect on December 2, 2026 at 1:00 AM Pacific time ' +
        "unless it is cancelled before then. If this wasn't you, call 611 from your phone now, or cancel it in the breach-check portal.",
    );
    expect(await pendingPinReset(holder.accountId)).toEqual({
      requestedAt: start,
      effectiveAt: new Date(start.getTime() + PIN_RESET_DELAY_MS),
    });

    // 23 hours 59 minutes later: still the old PIN, and the checklist is not done with the new one.
    expect(await applyDuePinResets(new Date(start.getTime() + PIN_RESET_DELAY_MS - 60_000))).toBe(0);
    expect(await pinMatches(pinHash(holder.accountId), '583920')).toBe(true);

    const due = new Date(start.getTime() + PIN_RESET_DELAY_MS);
    testDb().delete(outbox).run();
    expect(await applyDuePinResets(due)).toBe(1);
    expect(await pinMatches(pinHash(holder.accountId), '640271')).toBe(true);
    expect(await pendingPinReset(holder.accountId)).toBeNull();
    expect(noticesTo(holder.accountId).map((notice) => notice.subject)).toEqual([
      'Your account PIN was changed',
      'Your account PIN was changed',
    ]);
    const report = await getExposureReport(holder.accountId, { personId: holder.customerId, role: 'holder' });
    expect(report.checklist.find((step) => step.id === 'change-pin')).toMatchObject({ done: true, doneAt: '2026-12-02' });
    expect(actions(holder.accountId)).toEqual(expect.arrayContaining(['pin.reset_requested', 'pin.reset_applied']));
  });

  it('is applied once when the job runs twice at the same moment', async () => {
    const holder = await holderOf('100000003', '+12065550104');
    const start = new Date('2026-12-01T09:00:00Z');
    await requestPinReset({ session: holder, pin: '640271', confirmation: '640271', now: start });
    const due = new Date(start.getTime() + PIN_RESET_DELAY_MS + 1);
    const applied = await Promise.all([applyDuePinResets(due), applyDuePinResets(due), applyDuePinResets(due)]);
    expect(applied.reduce((sum, n) => sum + n, 0)).toBe(1);
    expect(actions(holder.accountId).filter((action) => action === 'pin.reset_applied')).toHaveLength(1);
  });

  it('can be cancelled by the holder and by an agent: the PIN never changes, and the holder is told', async () => {
    const holder = await holderOf('100000004', '+15035550105');
    const start = new Date('2026-12-01T09:00:00Z');
    await requestPinReset({ session: holder, pin: '640271', confirmation: '640271', now: start });
    expect(await cancelPinReset({ kind: 'customer', session: holder }, holder.accountId, new Date(start.getTime() + HOUR))).toBe(true);
    expect(await cancelPinReset({ kind: 'customer', session: holder }, holder.accountId)).toBe(false); // nothing left to cancel
    await requestPinReset({ session: holder, pin: '902718', confirmation: '902718', now: start });
    expect(await cancelPinReset({ kind: 'staff', staffId: 4 }, holder.accountId, new Date(start.getTime() + HOUR))).toBe(true);
    expect(await applyDuePinResets(new Date(start.getTime() + 2 * PIN_RESET_DELAY_MS))).toBe(0);
    expect(pinHash(holder.accountId)).toBeNull();
    const cancelled = noticesTo(holder.accountId).filter((notice) => notice.subject === 'The reset of your account PIN was cancelled');
    expect(cancelled).toHaveLength(4); // email and the holder's line, twice
    expect(cancelled.some((notice) => notice.body.includes('by a support agent'))).toBe(true);
    const rows = testDb().select().from(pinResets).where(eq(pinResets.accountId, holder.accountId)).all();
    expect(rows.map((row) => row.cancelledBy)).toEqual([`customer:${holder.customerId}`, 'staff:4']);
  });

  it('is replaced by a PIN changed with the current one, and a new reset replaces an older one', async () => {
    const holder = await holderOf('100000005', '+15035550106');
    const start = new Date('2026-12-01T09:00:00Z');
    await changePin({ session: holder, pin: '583920', confirmation: '583920', now: start });
    await requestPinReset({ session: holder, pin: '640271', confirmation: '640271', now: start });
    await requestPinReset({ session: holder, pin: '902718', confirmation: '902718', now: start });
    expect(
      testDb()
        .select()
        .from(pinResets)
        .where(eq(pinResets.accountId, holder.accountId))
        .all()
        .map((row) => row.cancelledBy),
    ).toEqual(['superseded', null]);
    await changePin({ session: holder, currentPin: '583920', pin: '371846', confirmation: '371846', now: start });
    expect(await pendingPinReset(holder.accountId)).toBeNull();
    expect(await applyDuePinResets(new Date(start.getTime() + 2 * PIN_RESET_DELAY_MS))).toBe(0);
    expect(await pinMatches(pinHash(holder.accountId), '371846')).toBe(true);
  });

  it('is only for the holder, checks the PIN rules, and lapses if the requester stops being the holder', async () => {
    const line = { accountId: accountId('100000009'), customerId: 1, role: 'line' as const };
    const refused = await requestPinReset({ session: line, pin: '640271', confirmation: '640271' }).catch((error) => error);
    expect((refused as Response).status).toBe(403);
    const holder = await holderOf('100000009', '+15125550110');
    expect(await requestPinReset({ session: holder, pin: '123456', confirmation: '123456' })).toMatchObject({
      ok: false,
      broken: expect.arrayContaining(['sequence']),
    });

    const start = new Date('2026-12-01T09:00:00Z');
    await requestPinReset({ session: holder, pin: '640271', confirmation: '640271', now: start });
    // A re-import makes another line the holder's.
    testDb().update(accountLines).set({ role: 'line' }).where(eq(accountLines.phone, '+15125550110')).run();
    testDb().update(accountLines).set({ role: 'holder' }).where(eq(accountLines.phone, '+15125550112')).run();
    expect(await applyDuePinResets(new Date(start.getTime() + PIN_RESET_DELAY_MS))).toBe(0);
    expect(testDb().select().from(pinResets).where(eq(pinResets.accountId, holder.accountId)).get()!.cancelledBy).toBe(
      'requester no longer the holder',
    );
    testDb().update(accountLines).set({ role: 'line' }).where(eq(accountLines.phone, '+15125550112')).run();
    testDb().update(accountLines).set({ role: 'holder' }).where(eq(accountLines.phone, '+15125550110')).run();
  });
});
