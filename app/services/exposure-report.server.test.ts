import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { INCIDENTS } from '../../db/incidents';
import { DEMO_ACCOUNTS } from '../../db/seed/demo-accounts';
import { accounts } from '../../db/tables';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { getExposureReport } from './exposure-report.server';

async function accountId(accountNumber: string): Promise<number> {
  return (await testDatabase().get((db) => db.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, accountNumber))))!
    .id;
}

const setPinChangedAt = (id: number, pinChangedAt: Date) =>
  testDatabase().run((db) => db.update(accounts).set({ pinChangedAt }).where(eq(accounts.id, id)));

beforeAll(() => withDemoAccounts());

describe('exposure report', () => {
  it.each(DEMO_ACCOUNTS.map((demo) => [demo.accountNumber, demo] as const))(
    'account %s: exactly the imported fields, the rest of each incident as not exposed',
    async (accountNumber, demo) => {
      const report = await getExposureReport(await accountId(accountNumber));
      const involved = Object.keys(demo.exposures);
      expect(report.involvedCount).toBe(involved.length);
      expect(report.incidents).toHaveLength(3);
      for (const incident of report.incidents) {
        const expected = demo.exposures[incident.id] ?? [];
        expect(incident.involved).toBe(incident.id in demo.exposures);
        expect([...incident.exposed].sort()).toEqual([...expected].sort());
        const facts = INCIDENTS.find((candidate) => candidate.id === incident.id)!;
        expect([...incident.exposed, ...incident.notExposed].sort()).toEqual([...facts.possibleFields].sort());
      }
    },
  );

  it('fills the field-by-incident grid with exposed, not exposed and not part of it', async () => {
    const report = await getExposureReport(await accountId('100000003')); // 2018: name, phone, email
    const row = (id: string) => report.grid.find((entry) => entry.field === id)!.cells;
    expect(row('name')).toEqual(['exposed', 'not-exposed', 'not-exposed']);
    expect(row('billing_zip')).toEqual(['not-exposed', 'not-part', 'not-part']);
    expect(row('billing_information')).toEqual(['not-part', 'not-part', 'not-exposed']);
  });

  it('names the port-out kit when account number, billing ZIP and phone were exposed', async () => {
    const report = await getExposureReport(await accountId('100000009'));
    const in2018 = report.incidents.find((incident) => incident.id === '2018-08-api')!;
    expect(in2018.combinations).toContain('port-out-kit');
    expect(in2018.combinations).not.toContain('port-out-request');
  });

  it('marks the PIN step done only when the PIN changed after the latest incident that exposed the account', async () => {
    const id = await accountId('100000007'); // 2018 and 2020 (March 2020)
    const pinStep = async () => (await getExposureReport(id)).checklist.find((step) => step.id === 'change-pin')!;
    expect((await pinStep()).done).toBe(false);
    await setPinChangedAt(id, new Date('2019-01-10T12:00:00Z'));
    expect((await pinStep()).done).toBe(false); // after 2018, before 2020
    await setPinChangedAt(id, new Date('2026-11-21T09:30:00Z'));
    expect(await pinStep()).toMatchObject({ done: true, doneAt: '2026-11-21' });
  });

  it('puts combinations that need fields from two incidents apart', async () => {
    const report = await getExposureReport(await accountId('100000013')); // 2020: billing address, rate plan, features; no name
    expect(report.crossIncidentCombinations).toEqual([]);
  });
});
