// Start-up: load the build, validate configuration, migrate and seed, then serve: in this process, or in
// WEB_CONCURRENCY worker processes sharing the port (server/cluster.ts).
// Everything of the app comes through the build (app/portal.server.ts), so each module exists once in the process.
import cluster from 'node:cluster';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import { portalOf } from './app';
import { reportListening, superviseWorkers } from './cluster';
import { serve } from './serve';

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

function announce(port: number) {
  portal.log('info', 'listening', {
    port,
    demoMode: config.demoMode,
    database: portal.databaseDescription(),
    workers: config.webConcurrency,
  });
  console.log(`Breach-check portal ready on http://localhost:${port}`);
}

if (cluster.isWorker) {
  serve(build, reportListening);
} else {
  for (const warning of portal.configWarnings(config)) portal.log('warn', 'configuration', { warning });
  await portal.prepareDatabase().catch((error: unknown) => {
    if (!(error instanceof portal.ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  });
  if (config.webConcurrency === 1) {
    serve(build, announce);
  } else {
    await portal.closeDb(); // the workers open their own handles
    superviseWorkers(portal, config.webConcurrency, announce);
  }
}
