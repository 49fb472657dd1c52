// Reference data on every start; demo accounts only in demo mode, and never over existing rows.
import { eq, sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Db } from '../client';
import { INCIDENTS } from '../incidents';
import { accountLines, accounts, exposures, incidents, phoneDirectory } from '../schema';
import { DEMO_ACCOUNTS, demoLineRole } from './demo-accounts';

/** What every process does before it uses a database: the committed migrations, then the incident catalogue. */
export function readyDatabase(db: Db): void {
  migrateDatabase(db);
  seedIncidents(db);
}

/** readyDatabase on a file (and the demo accounts, if asked), closed again: for commands and tests that prepare one. */
export function readyDatabaseFile(file: string, options: { demoAccounts?: boolean } = {}): { demoAccountsAdded: number } {
  const db = openDatabase(file);
  try {
    readyDatabase(db);
    return { demoAccountsAdded: options.demoAccounts ? seedDemoAccounts(db) : 0 };
  } finally {
    db.$client.close();
  }
}

export function seedIncidents(db: Db): void {
  db.transaction((tx) => {
    for (const incident of INCIDENTS) {
      const row = {
        id: incident.id,
        title: incident.title,
        discoveredOn: incident.discoveredOn,
        summary: incident.summary,
        possibleFields: [...incident.possibleFields],
        approxAffected: incident.approxAffected,
      };
      tx.insert(incidents).values(row).onConflictDoUpdate({ target: incidents.id, set: row }).run();
    }
  });
}

/** Inserts the demo accounts that are missing; returns how many were added. */
export function seedDemoAccounts(db: Db): number {
  let added = 0;
  db.transaction((tx) => {
    for (const demo of DEMO_ACCOUNTS) {
      const existing = tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, demo.accountNumber)).get();
      if (existing) continue;
      const { id } = tx
        .insert(accounts)
        .values({
          accountNumber: demo.accountNumber,
          accountType: demo.accountType,
          holderName: demo.holderName,
          billingZip: demo.billingZip,
          billingAddress: demo.billingAddress,
          email: demo.email,
          birthDate: demo.birthDate,
          language: demo.language ?? 'en',
          demo: true,
          updatedAt: sql`(unixepoch('subsec') * 1000)`,
        })
        .returning({ id: accounts.id })
        .get();
      for (const phone of demo.phones) {
        tx.insert(accountLines)
          .values({ accountId: id, phone, role: demoLineRole(demo, phone) })
          .run();
        tx.insert(phoneDirectory).values({ phone, accountId: id }).run();
      }
      for (const [incidentId, fields] of Object.entries(demo.exposures)) {
        tx.insert(exposures)
          .values({ accountId: id, incidentId, fields: fields!.join(';') })
          .run();
      }
      added += 1;
    }
  });
  return added;
}
