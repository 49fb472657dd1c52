// Reference data on every start; demo accounts only in demo mode, and never over existing rows.
import { eq } from 'drizzle-orm';
import { migrateDatabase } from '../client';
import { migratePostgres, type PgDb } from '../client.pg';
import type { Database, Queries } from '../database';
import { openPostgresDatabase } from '../database.pg';
import { openSqliteDatabase, type SqliteDatabase } from '../database.sqlite';
import { INCIDENTS } from '../incidents';
import { accountLines, accounts, exposures, incidents, phoneDirectory } from '../tables';
import { DEMO_ACCOUNTS, demoLineRole } from './demo-accounts';

/** What every process does before it uses a database: the committed migrations, then the incident catalogue. */
export async function readyDatabase(db: Database): Promise<void> {
  if (db.dialect === 'sqlite') migrateDatabase((db as SqliteDatabase).sqlite);
  else await migratePostgres(db.drizzle as unknown as PgDb);
  await seedIncidents(db);
}

/** The database of a process's configuration: PostgreSQL when a URL is given, else the SQLite file. */
export function openConfiguredDatabase(target: { databaseUrl?: string | null; databasePath: string }): Database {
  return target.databaseUrl ? openPostgresDatabase(target.databaseUrl, { max: 2 }) : openSqliteDatabase(target.databasePath);
}

/** readyDatabase (and the demo accounts, if asked), closed again: for commands and tests that prepare one. */
export async function readyDatabaseAt(
  target: { databaseUrl?: string | null; databasePath: string },
  options: { demoAccounts?: boolean } = {},
): Promise<{ demoAccountsAdded: number }> {
  const db = openConfiguredDatabase(target);
  try {
    await readyDatabase(db);
    return { demoAccountsAdded: options.demoAccounts ? await seedDemoAccounts(db) : 0 };
  } finally {
    await db.close();
  }
}

/** readyDatabaseAt for a SQLite file. */
export function readyDatabaseFile(file: string, options: { demoAccounts?: boolean } = {}): Promise<{ demoAccountsAdded: number }> {
  return readyDatabaseAt({ databasePath: file }, options);
}

export async function seedIncidents(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    for (const incident of INCIDENTS) {
      const row = {
        id: incident.id,
        title: incident.title,
        discoveredOn: incident.discoveredOn,
        summary: incident.summary,
        possibleFields: [...incident.possibleFields],
        approxAffected: incident.approxAffected,
      };
      await tx.run((q) => q.insert(incidents).values(row).onConflictDoUpdate({ target: incidents.id, set: row }));
    }
  });
}

/** Inserts the demo accounts that are missing; returns how many were added. */
export async function seedDemoAccounts(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    let added = 0;
    for (const demo of DEMO_ACCOUNTS) {
      const existing = await tx.get((q) =>
        q.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, demo.accountNumber)),
      );
      if (existing) continue;
      await insertDemoAccount(tx, demo);
      added += 1;
    }
    return added;
  });
}

async function insertDemoAccount(tx: Queries, demo: (typeof DEMO_ACCOUNTS)[number]): Promise<void> {
  const { id } = (await tx.get((q) =>
    q
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
        updatedAt: new Date(),
      })
      .returning({ id: accounts.id }),
  ))!;
  for (const phone of demo.phones) {
    await tx.run((q) => q.insert(accountLines).values({ accountId: id, phone, role: demoLineRole(demo, phone) }));
    await tx.run((q) => q.insert(phoneDirectory).values({ phone, accountId: id }));
  }
  for (const [incidentId, fields] of Object.entries(demo.exposures)) {
    await tx.run((q) => q.insert(exposures).values({ accountId: id, incidentId, fields: fields!.join(';') }));
  }
}
