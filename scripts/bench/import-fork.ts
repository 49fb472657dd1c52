// Forks a TypeScript module under tsx and resolves with the first message it sends.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportSummary } from '../../db/import/run-import';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * `env` is added to this process's environment. DATABASE_URL is only ever the one given: it picks the engine of the
 * child's tables when db/tables.ts loads, so a SQLite step must not inherit one.
 */
export function forkTs(module: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return fork(path.join(here, module), args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, DATABASE_URL: undefined, ...env },
  });
}

export async function nextMessage<T>(child: ChildProcess): Promise<T> {
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${child.spawnargs.join(' ')} exited with ${code} before reporting`);
  });
  const [message] = (await Promise.race([once(child, 'message'), exited])) as [T];
  return message;
}

/** What import-child.ts reports: its result and its peak RSS. */
export interface ChildReport<T> {
  result: T;
  peakRssMb: number;
}

/** One step of import-child.ts (import, bare insert, bare copy) in a child of its own. */
export function inChild<T>(args: string[], env: Record<string, string> = {}): Promise<ChildReport<T>> {
  return nextMessage<ChildReport<T>>(forkTs('import-child.ts', args, env));
}

/** The figures both engines' import benches report, from the accounts and exposures runs and the bare rows/s. */
export function importFigures(
  accounts: number,
  accountsRun: ChildReport<ImportSummary>,
  exposuresRun: ChildReport<ImportSummary>,
  bareRowsPerSecond: number,
) {
  for (const run of [accountsRun, exposuresRun]) {
    if (run.result.outcome !== 'succeeded') throw new Error(`import failed: ${run.result.message} ${run.result.errors.join('; ')}`);
  }
  const importRowsPerSecond = accounts / accountsRun.result.seconds;
  return {
    importSeconds: {
      accounts: accountsRun.result.seconds,
      accountsValidating: accountsRun.result.validateSeconds,
      exposures: exposuresRun.result.seconds,
      total: accountsRun.result.seconds + exposuresRun.result.seconds,
    },
    importRowsPerSecond,
    ratio: importRowsPerSecond / bareRowsPerSecond,
    peakRssMb: Math.max(accountsRun.peakRssMb, exposuresRun.peakRssMb),
  };
}
