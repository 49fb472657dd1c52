// `npm run db:migrate`: applies the committed migrations and the incident catalogue.
import { getConfig } from '../app/config.server';
import { readyDatabaseAt } from '../db/seed/seed';

await readyDatabaseAt(getConfig());
console.log(
  `Database ready at ${getConfig().databaseUrl ? `PostgreSQL ${new URL(getConfig().databaseUrl!).host}${new URL(getConfig().databaseUrl!).pathname}` : getConfig().databasePath}`,
);
