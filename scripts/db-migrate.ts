// `npm run db:migrate`: applies the committed migrations and the incident catalogue.
import { getConfig } from '../app/config.server';
import { migrateDatabase, openDatabase } from '../db/client';
import { seedIncidents } from '../db/seed/seed';

const db = openDatabase(getConfig().databasePath);
migrateDatabase(db);
seedIncidents(db);
db.$client.close();
console.log(`Database ready at ${getConfig().databasePath}`);
