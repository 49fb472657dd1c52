// `npm run db:seed`: migrates, then adds the demo accounts that are missing.
import { getConfig } from '../app/config.server';
import { migrateDatabase, openDatabase } from '../db/client';
import { seedDemoAccounts, seedIncidents } from '../db/seed/seed';

const db = openDatabase(getConfig().databasePath);
migrateDatabase(db);
seedIncidents(db);
const added = seedDemoAccounts(db);
db.$client.close();
console.log(`Demo data: ${added} account(s) added.`);
