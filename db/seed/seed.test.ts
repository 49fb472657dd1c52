import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../tests/helpers/db';
import { INCIDENTS } from '../incidents';
import { accounts, exposures, incidents } from '../tables';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { seedDemoAccounts, seedIncidents } from './seed';

describe('seeding', () => {
  it('loads the incident catalogue and the demo accounts once, whatever the number of starts', async () => {
    const db = testDatabase();
    await seedIncidents(db);
    expect(await seedDemoAccounts(db)).toBe(DEMO_ACCOUNTS.length);
    expect(await seedDemoAccounts(db)).toBe(0);
    const rows = async (table: typeof incidents | typeof accounts | typeof exposures) =>
      (await db.get((q) => q.select({ n: count() }).from(table)))!.n;
    expect(await rows(incidents)).toBe(INCIDENTS.length);
    expect(await rows(accounts)).toBe(DEMO_ACCOUNTS.length);
    const expectedExposures = DEMO_ACCOUNTS.reduce((sum, demo) => sum + Object.keys(demo.exposures).length, 0);
    expect(await rows(exposures)).toBe(expectedExposures);
  });

  it('only exposes fields each incident could have exposed', () => {
    for (const demo of DEMO_ACCOUNTS) {
      for (const [incidentId, fields] of Object.entries(demo.exposures)) {
        const incident = INCIDENTS.find((candidate) => candidate.id === incidentId)!;
        expect(incident, `${demo.accountNumber} ${incidentId}`).toBeDefined();
        for (const field of fields!) expect(incident.possibleFields).toContain(field);
        if (!demo.email) expect(fields).not.toContain('email_address');
      }
    }
  });
});
