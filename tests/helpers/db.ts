// Test helpers for the worker database: a handle, and demo data on demand.
import { getDb } from '../../app/models/db.server';
import type { SqliteDatabase } from '../../db/database.sqlite';
import { seedDemoAccounts } from '../../db/seed/seed';

/** The worker's SQLite database through drizzle, for tests that read or arrange rows directly. */
export function testDb() {
  return (getDb() as SqliteDatabase).sqlite;
}

export async function withDemoAccounts(): Promise<void> {
  await seedDemoAccounts(getDb());
}

/** Plays someone with write access to the database file: drops the audit log's append-only triggers. */
export function dropAuditGuards(): void {
  testDb().$client.exec('DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;');
}
