// The 24-hour PIN reset job runs in every portal process: two processes running it at the same instant apply each
// due reset once (one PIN change, one audit event, one notice per contact), and the audit chain they share verifies.
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { holderLine, ensurePerson } from '../app/models/person.server';
import { schedulePinReset } from '../app/models/pin-reset.server';
import { verifyAuditChain } from '../app/services/audit.server';
import { hashPin } from '../app/services/pin-hash.server';
import { DEMO_ACCOUNTS } from '../db/seed/demo-accounts';
import { auditEvents, outbox, pinResets } from '../db/tables';
import { accountIdOf } from '../tests/helpers/customers';
import { testDatabase, withDemoAccounts } from '../tests/helpers/db';
import { racingProcess } from '../tests/helpers/race-process';

beforeAll(() => withDemoAccounts());

const jobProcess = (startAt: number) => racingProcess('tests/helpers/run-pin-reset-job.ts', [String(startAt)]);

describe('the 24-hour PIN reset job in two processes', () => {
  it('applies each due reset once when both run at the same instant', { timeout: 60_000 }, async () => {
    const now = Date.now();
    const newPinHash = await hashPin('864209');
    const resetIds: number[] = [];
    for (const account of DEMO_ACCOUNTS) {
      const accountId = await accountIdOf(account.accountNumber);
      const holder = await ensurePerson(accountId, (await holderLine(accountId))!);
      const reset = await schedulePinReset({
        accountId,
        requestedByCustomerId: holder.id,
        via: 'forgot-pin',
        newPinHash,
        requestedAt: new Date(now - 25 * 3_600_000),
        effectiveAt: new Date(now - 3_600_000),
      });
      resetIds.push(reset.id);
    }
    await testDatabase().run((db) => db.delete(outbox));

    const startAt = Date.now() + 3_000; // both processes have loaded by then
    const applied = await Promise.all([jobProcess(startAt), jobProcess(startAt)]);

    expect(applied[0]! + applied[1]!, `applied by each process: ${applied.join(' and ')}`).toBe(resetIds.length);
    const rows = await testDatabase().all((db) => db.select().from(pinResets).where(inArray(pinResets.id, resetIds)));
    expect(rows.filter((row) => row.appliedAt !== null)).toHaveLength(resetIds.length);
    const events = await testDatabase().all((db) => db.select().from(auditEvents).where(eq(auditEvents.action, 'pin.reset_applied')));
    expect(events.filter((event) => resetIds.includes(Number(event.details?.resetId)))).toHaveLength(resetIds.length);
    const notices = await testDatabase().all((db) => db.select({ accountId: outbox.accountId }).from(outbox));
    const perAccount = new Map<number, number>();
    for (const notice of notices) perAccount.set(notice.accountId!, (perAccount.get(notice.accountId!) ?? 0) + 1);
    expect(Math.max(...perAccount.values()), 'one notice per contact, at most the two contacts of a holder').toBeLessThanOrEqual(2);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});
