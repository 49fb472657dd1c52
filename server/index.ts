// Start-up: load the build, validate configuration, migrate and seed, serve; drain connections on SIGTERM.
// Everything of the app comes through the build (app/portal.server.ts), so each module exists once in the process.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import { createApp, portalOf } from './app';

const buildPath = path.resolve('build/index.js');
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
const portal = portalOf(build);

function loadConfig() {
  try {
    return portal.loadConfig();
  } catch (error) {
    if (!(error instanceof portal.ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
}

const config = loadConfig();
for (const warning of portal.configWarnings(config)) portal.log('warn', 'configuration', { warning });
await portal.prepareDatabase();

const app = createApp(config, build);
let stopBackgroundWork: (() => void) | undefined;
const onListening = () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  portal.log('info', 'listening', { port, demoMode: config.demoMode, database: config.databasePath });
  console.log(`Breach-check portal ready on http://localhost:${port}`);
  stopBackgroundWork = portal.startBackgroundWork();
};
const server = config.host ? app.listen(config.port, config.host, onListening) : app.listen(config.port, onListening);

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  portal.log('info', 'shutting down', { signal });
  stopBackgroundWork?.();
  server.close(() => {
    portal.closeDb();
    process.exit(0);
  });
  server.closeIdleConnections();
  // Requests that do not finish in time are cut off rather than holding the process.
  setTimeout(() => {
    server.closeAllConnections();
    portal.closeDb();
    process.exit(0);
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
