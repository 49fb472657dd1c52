// `npm run db:seed`: migrates, then adds the demo accounts that are missing.
import { getConfig } from '../app/config.server';
import { readyDatabaseAt } from '../db/seed/seed';

const { demoAccountsAdded } = await readyDatabaseAt(getConfig(), { demoAccounts: true });
console.log(`Demo data: ${demoAccountsAdded} account(s) added.`);
