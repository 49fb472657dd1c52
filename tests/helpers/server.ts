// Starts the real production server on a free port with a fresh database, as a customer would reach it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export interface RunningServer {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  databasePath: string;
  /** The PostgreSQL database it runs on (TEST_ENGINE=postgres), or null on SQLite. */
  databaseUrl: string | null;
  /** What a second process beside it needs in its environment: the same data folder and database. */
  shared: Record<string, string>;
  output: () => string;
  stop: () => Promise<void>;
  /** SIGKILL: the process dies without draining, as on a crash. */
  kill: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function tempDataDir(label: string): string {
  const root = path.resolve('tests/.tmp');
  mkdirSync(root, { recursive: true });
  return mkdtempSync(path.join(root, `${label}-`));
}

// Under TEST_ENGINE=postgres each data folder gets a fresh PostgreSQL database of its own, shared by the servers
// started on that folder.
const databaseOfDataDir = new Map<string, string>();

async function databaseUrlFor(dataDir: string): Promise<string | null> {
  if (process.env.TEST_ENGINE !== 'postgres') return null;
  const known = databaseOfDataDir.get(dataDir);
  if (known) return known;
  // Imported here: pg-database uses vitest's inject, which the global setup (it imports freePort) cannot load.
  const { freshPostgresDatabase } = await import('./pg-database');
  const fresh = await freshPostgresDatabase(path.basename(dataDir));
  if (!fresh) throw new Error('TEST_ENGINE=postgres, but the PostgreSQL half was skipped (no server programs and no TEST_DATABASE_URL)');
  await fresh.db.$client.end();
  databaseOfDataDir.set(dataDir, fresh.url);
  return fresh.url;
}

/**
 * Spawns `server/index.ts` as `npm run serve` does; resolves once it prints its URL. `shared` of another server in
 * `env` (its DATA_DIR, and DATABASE_URL on PostgreSQL) makes this a second process beside it.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = env.DATA_DIR ?? tempDataDir('server');
  const databaseUrl = env.DATABASE_URL ?? (await databaseUrlFor(dataDir));
  const shared: Record<string, string> = { DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_MODE: 'true',
      WEBAUTHN_ORIGIN: url,
      LOG_LEVEL: 'warn',
      ...env,
      ...shared,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await waitForReady(child, () => output);
  return {
    url,
    port,
    pid: child.pid!,
    dataDir,
    databasePath: path.join(dataDir, 'portal.db'),
    databaseUrl,
    shared,
    output: () => output,
    stop: () => stopProcess(child),
    kill: () => stopProcess(child, 'SIGKILL'),
  };
}

function waitForReady(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${output()}`)), 30_000);
    const check = () => {
      if (output().includes('ready on http://')) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output()}`));
    });
  });
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
