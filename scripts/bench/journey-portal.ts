// The journey bench's portal: the real built server (server/index.ts) with production settings, but in demo mode, for
// the two things a whole visit needs that production leaves to the carrier: the built-in provisioner (no
// PROVISIONING_URL) and one-time codes kept readable in the outbox. TRUST_PROXY=1 and HOST=127.0.0.1 (as the README
// tells operators behind one proxy): each simulated customer's X-Forwarded-For is the address the per-client limits see.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { portalEnv, type PortalSettings } from './portal-process';

export interface JourneyPortal {
  url: string;
  /** WEBAUTHN_ORIGIN as the portal derives it (http://localhost:PORT): the Origin every mutation must carry. */
  origin: string;
  pid: number;
  /** CPU time (user + system) of the server and its workers so far, in ms. */
  cpuMs(): number;
  /** Peak resident set size, summed over the server and its workers, in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** The environment the portal runs with; the load driver opens the same database with it (codes, checks). */
export function journeyPortalEnv(settings: PortalSettings, port = 0): NodeJS.ProcessEnv {
  return { ...portalEnv(settings, port), DEMO_MODE: 'true', TRUST_PROXY: '1' };
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

function peakRssMb(pid: number): number {
  return processTree(pid).reduce((total, member) => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
      return total + (match ? Number(match[1]) / 1024 : 0);
    } catch {
      return total;
    }
  }, 0);
}

export async function startJourneyPortal(settings: PortalSettings): Promise<JourneyPortal> {
  const port = await freePort();
  const log = openSync(settings.logFile, 'w');
  const profiling = settings.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', settings.cpuProfileDir] : [];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', 'server/index.ts'], {
    env: journeyPortalEnv(settings, port),
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`portal exited with ${child.exitCode} while starting (see ${settings.logFile})`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`portal did not become healthy within 90 s (see ${settings.logFile})`);
    }
    try {
      // Under WEB_CONCURRENCY the first worker answers before the others listen: ready once the primary says so.
      if ((await fetch(`${url}/healthz`)).ok && readFileSync(settings.logFile, 'utf8').includes('ready on http://')) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    origin: `http://localhost:${port}`,
    pid: child.pid!,
    cpuMs: () => treeCpuMs(child.pid!),
    peakRssMb: () => peakRssMb(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
