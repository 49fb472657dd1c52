// `npm run db:seed`: migrates, then adds the demo accounts that are missing.
import { getConfig } from '../app/config.server';
import { readyDatabaseFile } from '../db/seed/seed';

const { demoAccountsAdded } = readyDatabaseFile(getConfig().databasePath, { demoAccounts: true });
console.log(`Demo data: ${demoAccountsAdded} account(s) added.`);
