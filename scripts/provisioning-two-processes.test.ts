// The provisioning queue runs in every portal process: two processes running a pass at the same instant call the
// carrier once per request (each Idempotency-Key seen once), and every lock ends on, announced once.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getAccountPhones } from '../app/models/account.server';
import { requestChange } from '../app/models/protection.server';
import { DEMO_ACCOUNTS } from '../db/seed/demo-accounts';
import { auditEvents, protections } from '../db/tables';
import { accountIdOf } from '../tests/helpers/customers';
import { testDatabase, withDemoAccounts } from '../tests/helpers/db';
import { provisioningServerForThisFile } from '../tests/helpers/provisioning-env';
import { racingProcess } from '../tests/helpers/race-process';

// The child processes inherit its URL and secret (racingProcess passes this worker's environment on).
const provisioning = provisioningServerForThisFile();

beforeAll(() => withDemoAccounts());

describe('the provisioning queue in two processes', () => {
  it('sends each request once when both run a pass at the same instant', { timeout: 60_000 }, async () => {
    let queued = 0;
    for (const account of DEMO_ACCOUNTS) {
      const accountId = await accountIdOf(account.accountNumber);
      for (const line of ['', ...(await getAccountPhones(accountId))].slice(0, 2)) {
        const outcome = await requestChange(
          { accountId, line, lock: 'port-out', state: 'on', requestedBy: 'holder', requestedByCustomerId: null },
          new Date(),
        );
        if ('queued' in outcome) queued += 1;
      }
    }
    expect(queued).toBeGreaterThan(15);

    const startAt = Date.now() + 3_000; // both processes have loaded by then
    const pass = () => racingProcess('tests/helpers/deliver-provisioning.ts', [String(startAt)]);
    const applied = await Promise.all([pass(), pass()]);

    expect(applied[0]! + applied[1]!, `applied by each process: ${applied.join(' and ')}`).toBe(queued);
    const keys = provisioning().calls.map((call) => call.idempotencyKey);
    expect(keys).toHaveLength(queued);
    expect(new Set(keys).size).toBe(queued);
    const on = await testDatabase().all((db) => db.select().from(protections).where(eq(protections.confirmed, 'on')));
    expect(on).toHaveLength(queued);
    const events = await testDatabase().all((db) => db.select().from(auditEvents).where(eq(auditEvents.action, 'protection.applied')));
    expect(events).toHaveLength(queued);
  });
});
