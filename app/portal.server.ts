// What the Express server (server/) takes from the app, handed over through the Remix build (entry.server exports it
// as `portal`), so that the server and the routes share one module graph: one database handle, one logger whose
// LOG_LEVEL holds inside routes too, one outbox loop. server/ imports nothing else of app/ or db/ at run time.
import { INCIDENT_IDS } from '../db/incidents';
import { readyDatabase, seedDemoAccounts } from '../db/seed/seed';
import { getConfig } from './config.server';
import { closeDb, getDb } from './models/db.server';
import { seedDemoPins } from './services/demo-pins.server';
import { log, setLogLevel } from './services/logger.server';
import { startOutboxDelivery } from './services/notifier.server';
import { startPinResetJob } from './services/pin-reset.server';

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
  return config;
}

/** Migrations, the incident catalogue and, in demo mode, the demo accounts and their PINs. */
export async function prepareDatabase(): Promise<void> {
  const db = getDb();
  await readyDatabase(db);
  if (!getConfig().demoMode) return;
  const accounts = await seedDemoAccounts(db);
  const pins = await seedDemoPins();
  if (accounts > 0 || pins > 0) log('info', 'demo data seeded', { accounts, pins });
}

/** The outbox delivery loop and the 24-hour PIN reset job; returns one function that stops both. */
export function startBackgroundWork(): () => void {
  const stops = [startOutboxDelivery(), startPinResetJob()];
  return () => stops.forEach((stop) => stop());
}
