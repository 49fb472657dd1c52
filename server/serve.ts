// One serving process: the Express app on the configured port, the background work, and a drain on SIGTERM.
// Run alone (WEB_CONCURRENCY=1) or as one worker of several (server/cluster.ts), which share the port.
import type { ServerBuild } from '@remix-run/node';
import { createApp, portalOf } from './app';

const DRAIN_MS = 10_000;

export function serve(build: ServerBuild, onListening: (port: number) => void): void {
  const portal = portalOf(build);
  const config = portal.getConfig();
  const app = createApp(config, build);
  let stopBackgroundWork: (() => void) | undefined;
  const listening = () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    stopBackgroundWork = portal.startBackgroundWork();
    onListening(port);
  };
  const server = config.host ? app.listen(config.port, config.host, listening) : app.listen(config.port, listening);

  let stopping = false;
  function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    portal.log('info', 'shutting down', { signal });
    stopBackgroundWork?.();
    server.close(() => void portal.closeDb().finally(() => process.exit(0)));
    server.closeIdleConnections();
    // Requests that do not finish in time are cut off rather than holding the process.
    setTimeout(() => {
      server.closeAllConnections();
      void portal.closeDb().finally(() => process.exit(0));
    }, DRAIN_MS).unref();
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
