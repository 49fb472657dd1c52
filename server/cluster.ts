// WEB_CONCURRENCY=N: this primary process forks N workers that share one port (node:cluster hands out the
// connections), replaces a worker that dies, and on SIGTERM stops them all and waits for their drain.
// It migrates and seeds before forking, so workers never race to do it; everything else they share lives in the
// database (sessions, rate limits, codes, the outbox, the audit chain, the PIN reset job, imports).
import cluster, { type Worker } from 'node:cluster';
import type { Portal } from './app';

const STOP_MS = 15_000; // longer than a worker's own drain (server/serve.ts)
const RESTART_DELAY_MS = 1_000; // a worker that dies at start-up must not be replaced in a tight loop
const QUICK_DEATH_MS = 5_000;
// Workers that keep dying at start-up (a bad port, an unreadable database) are a fault to report, not to retry forever.
const QUICK_DEATHS_BEFORE_READY = 5;

export type WorkerMessage = { type: 'listening'; port: number };

export function superviseWorkers(portal: Portal, count: number, onReady: (port: number) => void): void {
  const startedAt = new Map<Worker, number>();
  const listening = new Set<Worker>();
  const restarts = new Set<NodeJS.Timeout>();
  let ready = false;
  let stopping = false;
  let quickDeathsBeforeReady = 0;

  const fork = () => {
    if (stopping) return; // a replacement due after SIGTERM would never be told to stop
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
    worker.on('message', (message: WorkerMessage) => {
      if (message?.type !== 'listening') return;
      listening.add(worker);
      portal.log('info', 'worker listening', { worker: worker.process.pid });
      if (!ready && listening.size === count) {
        ready = true;
        onReady(message.port);
      }
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    listening.delete(worker);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        void portal.closeDb().finally(() => process.exit(exitCode));
      }
      return;
    }
    if (!ready && lived < QUICK_DEATH_MS && (quickDeathsBeforeReady += 1) >= QUICK_DEATHS_BEFORE_READY) {
      portal.log('error', 'workers keep stopping at start-up; giving up', { worker: worker.process.pid, code, signal });
      stopAll('SIGTERM', 1);
      return;
    }
    portal.log('warn', 'worker stopped; starting another', { worker: worker.process.pid, code, signal });
    const restart = setTimeout(
      () => {
        restarts.delete(restart);
        fork();
      },
      lived < QUICK_DEATH_MS ? RESTART_DELAY_MS : 0,
    );
    restarts.add(restart);
  });

  let exitCode = 0;
  function stopAll(signal: NodeJS.Signals, code = 0) {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const restart of restarts) clearTimeout(restart);
    portal.log('info', 'shutting down', { signal, workers: Object.keys(cluster.workers ?? {}).length });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_MS).unref();
  }
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => stopAll('SIGINT'));

  for (let index = 0; index < count; index += 1) fork();
}

/** In a worker: tells the primary this worker is serving. */
export function reportListening(port: number): void {
  process.send?.({ type: 'listening', port } satisfies WorkerMessage);
}
