// Starts the real portal server (server/index.ts under tsx, production settings) for the benches.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { openSync, readFileSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';

export interface PortalProcess {
  url: string;
  port: number;
  pid: number;
  /** Peak resident set size so far (VmHWM), summed over the server and its workers, in MB. */
  peakRssMb(): number;
  /** CPU time (user + system) the server and its workers have used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

export interface PortalSettings {
  dataDir: string;
  databasePath: string;
  /** PostgreSQL instead of the SQLite file at databasePath. */
  databaseUrl?: string;
  sessionSecret: string;
  pinPepper: string;
  /** The audit chain's key and the outbox's sealing key: production requires both. */
  auditKey: string;
  outboxKey: string;
  /** Where the server's stdout and stderr (the per-request log lines) go. */
  logFile: string;
  /** WEB_CONCURRENCY: worker processes serving the one port (1 by default). */
  webConcurrency?: number;
  /** When set, the server runs with --cpu-prof and writes its profile here on exit. */
  cpuProfileDir?: string;
}

/** 48 random characters, as the README tells operators to generate secrets. */
export function randomSecret(): string {
  return randomBytes(36).toString('base64');
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (typeof address !== 'object' || !address) throw new Error('no free port');
  return address.port;
}

/** The environment the server and the session helper share, so both open the same database with the same secrets. */
export function portalEnv(settings: PortalSettings, port = 0): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: settings.dataDir,
    DATABASE_PATH: settings.databasePath,
    DATABASE_URL: settings.databaseUrl ?? '',
    SESSION_SECRET: settings.sessionSecret,
    PIN_PEPPER: settings.pinPepper,
    AUDIT_KEY: settings.auditKey,
    OUTBOX_KEY: settings.outboxKey,
    DEMO_MODE: 'false',
    WEB_CONCURRENCY: String(settings.webConcurrency ?? 1),
  };
  delete env.LOG_LEVEL; // the default (info) logs every request, which is part of the real cost
  return env;
}

/** The process and its descendants, from /proc (the workers under WEB_CONCURRENCY; PostgreSQL's backends). */
export function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // the process is gone
  }
  return [pid, ...children.flatMap(processTree)];
}

/** Peak resident set size (VmHWM) summed over the process tree, in MB. */
export function peakRssMb(pid: number): number {
  return processTree(pid).reduce((total, member) => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
      return total + (match ? Number(match[1]) / 1024 : 0);
    } catch {
      return total; // exited between the listing and the read
    }
  }, 0);
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU ms of a process tree; with `reaped`, also what its children that already exited used (cutime + cstime), as
 * PostgreSQL's backends of closed connections have.
 */
export function treeCpuMs(pid: number, reaped = false): number {
  return processTree(pid).reduce((total, member) => {
    try {
      // Fields after the parenthesised command name: utime, stime, cutime, cstime are the 14th to 17th of the line.
      const fields = readFileSync(`/proc/${member}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const own = Number(fields[11]) + Number(fields[12]);
      const children = reaped && member === pid ? Number(fields[13]) + Number(fields[14]) : 0;
      return total + ((own + children) * 1000) / CLOCK_TICKS_PER_SECOND;
    } catch {
      return total; // exited between the listing and the read
    }
  }, 0);
}

async function waitUntilReady(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`portal exited with ${child.exitCode} while starting (see ${logFile})`);
    try {
      // Under WEB_CONCURRENCY the first worker answers before the others listen: ready once the primary says so.
      if ((await fetch(`${url}/healthz`)).ok && readFileSync(logFile, 'utf8').includes('ready on http://')) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`portal did not become ready within 90 s (see ${logFile})`);
}

/** `env` is added to the portal's environment (the journey bench's demo mode); the port is the portal's own. */
export async function startPortal(settings: PortalSettings, env: Record<string, string> = {}): Promise<PortalProcess> {
  const port = await freePort();
  const log = openSync(settings.logFile, 'w');
  const profiling = settings.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', settings.cpuProfileDir] : [];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', 'server/index.ts'], {
    env: { ...portalEnv(settings, port), ...env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, child, settings.logFile);
  return {
    url,
    port,
    pid: child.pid!,
    peakRssMb: () => peakRssMb(child.pid!),
    cpuMs: () => treeCpuMs(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
