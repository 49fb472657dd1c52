// What the Express server (server/) takes from the app, handed over through the Remix build (entry.server exports it
// as `portal`), so that the server and the routes share one module graph: one database handle, one logger whose
// LOG_LEVEL holds inside routes too, one outbox loop. server/ imports nothing else of app/ or db/ at run time.
import { INCIDENT_IDS } from '../db/incidents';
import { readyDatabase, seedDemoAccounts } from '../db/seed/seed';
import { ConfigError, getConfig } from './config.server';
import { closeDb, getDb, reportConnectionErrorsTo } from './models/db.server';
import { seedDemoPins } from './services/demo-pins.server';
import { describeError } from './services/errors.server';
import { startNoticeCampaigns } from './services/incident-notices.server';
import { log, setLogLevel } from './services/logger.server';
import { startOutboxDelivery } from './services/notifier.server';
import { startPinResetJob } from './services/pin-reset.server';
import { startProvisioningDelivery } from './services/provisioning.server';

export { ConfigError, configWarnings, getConfig, type Config } from './config.server';
export { visitorLanguage } from './services/i18n.server';
export { log, redactPath } from './services/logger.server';
export { RENDER_KEY_HEADER, renderKey } from './services/render-key.server';
export { REQUEST_KEY_HEADER } from './utils/request-key';
export { closeDb };

/** Pages with no account data, rendered once per process (server/public-page-cache.ts). */
export const PUBLIC_PAGE_PATHS = ['/', '/incidents', ...INCIDENT_IDS.map((id) => `/incidents/${id}`)];

/** Validates the environment (throws ConfigError) and applies LOG_LEVEL to every log line of the process. */
export function loadConfig() {
  const config = getConfig();
  setLogLevel(config.logLevel);
  // Every process (the workers too) logs a PostgreSQL connection the server closed, rather than dying of it.
  reportConnectionErrorsTo((error) =>
    log('warn', 'a PostgreSQL connection was closed by the server; the next query opens another', describeError(error)),
  );
  return config;
}

/** Migrations, the incident catalogue and, in demo mode, the demo accounts and their PINs. */
export async function prepareDatabase(): Promise<void> {
  const db = getDb();
  try {
    await readyDatabase(db);
  } catch (error) {
    const url = getConfig().databaseUrl;
    if (!url) throw error;
    throw new ConfigError(postgresUnusable(url, error));
  }
  if (!getConfig().demoMode) return;
  const accounts = await seedDemoAccounts(db);
  const pins = await seedDemoPins();
  if (accounts > 0 || pins > 0) log('info', 'demo data seeded', { accounts, pins });
}

/** One line naming DATABASE_URL and where it points, never its password (node-postgres errors carry none either). */
function postgresUnusable(url: string, error: unknown): string {
  const { hostname, port, pathname } = new URL(url);
  // drizzle wraps the driver's error (and quotes the failed query): the driver's own reason is the one to read.
  let cause = error as { cause?: unknown; code?: unknown; message?: unknown } | undefined;
  while (cause?.cause) cause = cause.cause as typeof cause;
  const reason = [cause?.code, cause?.message].filter((part) => typeof part === 'string' && part !== '').join(': ') || 'no answer';
  return `DATABASE_URL: cannot use PostgreSQL at ${hostname}:${port || 5432}${pathname} (${reason}); check that the server runs and that the URL's user, password and database are right`;
}

/** Where the data lives, for the start-up line: the SQLite file, or PostgreSQL's host and database (no password). */
export function databaseDescription(): string {
  const { databaseUrl, databasePath } = getConfig();
  if (!databaseUrl) return databasePath;
  const { hostname, port, pathname } = new URL(databaseUrl);
  return `postgresql://${hostname}:${port || 5432}${pathname}`;
}

/** The outbox delivery loop, the 24-hour PIN reset job, the provisioning queue and incident notices; one stop for all. */
export function startBackgroundWork(): () => void {
  const stops = [startOutboxDelivery(), startPinResetJob(), startProvisioningDelivery(), startNoticeCampaigns()];
  return () => stops.forEach((stop) => stop());
}
