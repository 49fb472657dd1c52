// Test helpers for the worker database: a handle, and demo data on demand.
import { getDb } from '../../app/models/db.server';
import { seedDemoAccounts } from '../../db/seed/seed';

export function testDb() {
  return getDb();
}

export function withDemoAccounts(): void {
  seedDemoAccounts(getDb());
}

/** Plays someone with write access to the database file: drops the audit log's append-only triggers. */
export function dropAuditGuards(): void {
  getDb().$client.exec('DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;');
}
