// Test helpers for the worker database: a handle, and demo data on demand.
import { getDb } from '../../app/models/db.server';
import { seedDemoAccounts } from '../../db/seed/seed';

export function testDb() {
  return getDb();
}

export function withDemoAccounts(): void {
  seedDemoAccounts(getDb());
}
