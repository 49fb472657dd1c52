import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../app/models/db.server';
import { testDb } from '../../tests/helpers/db';
import { INCIDENTS } from '../incidents';
import { accounts, exposures, incidents } from '../schema';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { seedDemoAccounts, seedIncidents } from './seed';

describe('seeding', () => {
  it('loads the incident catalogue and the demo accounts once, whatever the number of starts', async () => {
    const db = testDb();
    await seedIncidents(getDb());
    expect(await seedDemoAccounts(getDb())).toBe(DEMO_ACCOUNTS.length);
    expect(await seedDemoAccounts(getDb())).toBe(0);
    expect(db.select({ n: count() }).from(incidents).get()!.n).toBe(INCIDENTS.length);
    expect(db.select({ n: count() }).from(accounts).get()!.n).toBe(DEMO_ACCOUNTS.length);
    const expectedExposures = DEMO_ACCOUNTS.reduce((sum, demo) => sum + Object.keys(demo.exposures).length, 0);
    expect(db.select({ n: count() }).from(exposures).get()!.n).toBe(expectedExposures);
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
