// Start-up: validate configuration, migrate and seed, serve; drain connections on SIGTERM.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import { ConfigError, getConfig } from '../app/config.server';
import { closeDb, getDb } from '../app/models/db.server';
import { seedDemoPins } from '../app/services/demo-pins.server';
import { log, setLogLevel } from '../app/services/logger.server';
import { startOutboxDelivery } from '../app/services/notifier.server';
import { startPinResetJob } from '../app/services/pin-reset.server';
import { migrateDatabase } from '../db/client';
import { seedDemoAccounts, seedIncidents } from '../db/seed/seed';
import { createApp } from './app';

function loadConfig() {
  try {
    return getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
}

const config = loadConfig();
setLogLevel(config.logLevel);

const db = getDb();
migrateDatabase(db);
seedIncidents(db);
if (config.demoMode) {
  const added = seedDemoAccounts(db);
  const pins = await seedDemoPins();
  if (added > 0 || pins > 0) log('info', 'demo data seeded', { accounts: added, pins });
}

const buildPath = path.resolve('build/index.js');
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

const app = createApp(config, build);
let stopOutboxDelivery: (() => void) | undefined;
let stopPinResetJob: (() => void) | undefined;
const onListening = () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log('info', 'listening', { port, demoMode: config.demoMode, database: config.databasePath });
  console.log(`Breach-check portal ready on http://localhost:${port}`);
  stopOutboxDelivery = startOutboxDelivery();
  stopPinResetJob = startPinResetJob();
};
const server = config.host ? app.listen(config.port, config.host, onListening) : app.listen(config.port, onListening);

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log('info', 'shutting down', { signal });
  stopOutboxDelivery?.();
  stopPinResetJob?.();
  server.close(() => {
    closeDb();
    process.exit(0);
  });
  server.closeIdleConnections();
  // Requests that do not finish in time are cut off rather than holding the process.
  setTimeout(() => {
    server.closeAllConnections();
    closeDb();
    process.exit(0);
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
