// The 24-hour PIN reset: announced at once, in force only after 24 hours (the clock is moved, nobody sleeps),
// cancellable by the holder and by an agent, applied once however many times the job runs.
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { opened } from '~/models/outbox.server';
import { ensurePerson } from '~/models/person.server';
import { accountLines, accounts, auditEvents, outbox, pinResets } from '../../db/tables';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { getExposureReport } from './exposure-report.server';
import { pinMatches } from './pin-hash.server';
import { applyDuePinResets, cancelPinReset, pendingPinReset, PIN_RESET_DELAY_MS, requestPinReset } from './pin-reset.server';
import { changePin } from './pin.server';

const HOUR = 60 * 60_000;

async function accountId(accountNumber: string): Promise<number> {
  return (await testDatabase().get((db) => db.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, accountNumber))))!
    .id;
}

async function holderOf(accountNumber: string, phone: string) {
  const person = await ensurePerson(await accountId(accountNumber), phone);
  return { accountId: person.accountId, customerId: person.id, role: 'holder' as const };
}

const pinHash = async (id: number) =>
  (await testDatabase().get((db) => db.select({ pinHash: accounts.pinHash }).from(accounts).where(eq(accounts.id, id))))!.pinHash!;
const noticesTo = async (id: number) =>
  (await testDatabase().all((db) => db.select().from(outbox).where(eq(outbox.accountId, id)).orderBy(outbox.id))).map(opened);
const actions = async (id: number) =>
  (await testDatabase().all((db) => db.select().from(auditEvents).where(eq(auditEvents.accountId, id)).orderBy(auditEvents.id))).map(
    (event) => event.action,
  );
const resetsOf = (id: number) =>
  testDatabase().all((db) => db.select().from(pinResets).where(eq(pinResets.accountId, id)).orderBy(pinResets.id));
const setLineRole = (phone: string, role: 'holder' | 'line') =>
  testDatabase().run((db) => db.update(accountLines).set({ role }).where(eq(accountLines.phone, phone)));
const clearOutbox = () => testDatabase().run((db) => db.delete(outbox));

beforeAll(() => withDemoAccounts());
beforeEach(async () => {
  await clearOutbox();
});

describe('the 24-hour PIN reset', () => {
  it('announces at once, keeps the old PIN for 24 hours, then puts the new one in force, announced and dated', async () => {
    const holder = await holderOf('100000001', '+12065550101');
    const start = new Date('2026-12-01T09:00:00Z');
    expect((await changePin({ session: holder, pin: '583920', confirmation: '583920', now: new Date(start.getTime() - HOUR) })).ok).toBe(
      true,
    );
    await clearOutbox();

    const requested = await requestPinReset({ session: holder, pin: '640271', confirmation: '640271', now: start });
    expect(requested).toEqual({ ok: true, effectiveAt: new Date(start.getTime() + PIN_RESET_DELAY_MS) });
    const atOnce = await noticesTo(holder.accountId);
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
    expect(await pinMatches(await pinHash(holder.accountId), '583920')).toBe(true);

    const due = new Date(start.getTime() + PIN_RESET_DELAY_MS);
    await clearOutbox();
    expect(await applyDuePinResets(due)).toBe(1);
    expect(await pinMatches(await pinHash(holder.accountId), '640271')).toBe(true);
    expect(await pendingPinReset(holder.accountId)).toBeNull();
    expect((await noticesTo(holder.accountId)).map((notice) => notice.subject)).toEqual([
      'Your account PIN was changed',
      'Your account PIN was changed',
    ]);
    const report = await getExposureReport(holder.accountId, { personId: holder.customerId, role: 'holder' });
    expect(report.checklist.find((step) => step.id === 'change-pin')).toMatchObject({ done: true, doneAt: '2026-12-02' });
    expect(await actions(holder.accountId)).toEqual(expect.arrayContaining(['pin.reset_requested', 'pin.reset_applied']));
  });

  it('is applied once when the job runs twice at the same moment', async () => {
    const holder = await holderOf('100000003', '+12065550104');
    const start = new Date('2026-12-01T09:00:00Z');
    await requestPinReset({ session: holder, pin: '640271', confirmation: '640271', now: start });
    const due = new Date(start.getTime() + PIN_RESET_DELAY_MS + 1);
    const applied = await Promise.all([applyDuePinResets(due), applyDuePinResets(due), applyDuePinResets(due)]);
    expect(applied.reduce((sum, n) => sum + n, 0)).toBe(1);
    expect((await actions(holder.accountId)).filter((action) => action === 'pin.reset_applied')).toHaveLength(1);
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
    expect(await pinHash(holder.accountId)).toBeNull();
    const cancelled = (await noticesTo(holder.accountId)).filter(
      (notice) => notice.subject === 'The reset of your account PIN was cancelled',
    );
    expect(cancelled).toHaveLength(4); // email and the holder's line, twice
    expect(cancelled.some((notice) => notice.body.includes('by a support agent'))).toBe(true);
    const rows = await resetsOf(holder.accountId);
    expect(rows.map((row) => row.cancelledBy)).toEqual([`customer:${holder.customerId}`, 'staff:4']);
  });

  it('is replaced by a PIN changed with the current one, and a new reset replaces an older one', async () => {
    const holder = await holderOf('100000005', '+15035550106');
    const start = new Date('2026-12-01T09:00:00Z');
    await changePin({ session: holder, pin: '583920', confirmation: '583920', now: start });
    await requestPinReset({ session: holder, pin: '640271', confirmation: '640271', now: start });
    await requestPinReset({ session: holder, pin: '902718', confirmation: '902718', now: start });
    expect((await resetsOf(holder.accountId)).map((row) => row.cancelledBy)).toEqual(['superseded', null]);
    await changePin({ session: holder, currentPin: '583920', pin: '371846', confirmation: '371846', now: start });
    expect(await pendingPinReset(holder.accountId)).toBeNull();
    expect(await applyDuePinResets(new Date(start.getTime() + 2 * PIN_RESET_DELAY_MS))).toBe(0);
    expect(await pinMatches(await pinHash(holder.accountId), '371846')).toBe(true);
  });

  it('is only for the holder, checks the PIN rules, and lapses if the requester stops being the holder', async () => {
    const line = { accountId: await accountId('100000009'), customerId: 1, role: 'line' as const };
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
    await setLineRole('+15125550110', 'line');
    await setLineRole('+15125550112', 'holder');
    expect(await applyDuePinResets(new Date(start.getTime() + PIN_RESET_DELAY_MS))).toBe(0);
    expect((await resetsOf(holder.accountId))[0]!.cancelledBy).toBe('requester no longer the holder');
    await setLineRole('+15125550112', 'line');
    await setLineRole('+15125550110', 'holder');
  });
});
