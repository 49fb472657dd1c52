// `npm run db:migrate`: applies the committed migrations and the incident catalogue.
import { getConfig } from '../app/config.server';
import { readyDatabaseFile } from '../db/seed/seed';

readyDatabaseFile(getConfig().databasePath);
console.log(`Database ready at ${getConfig().databasePath}`);
