// The pages bench's database: a generated extract imported with the operator commands, cached by seed and size.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface BenchDatabase {
  dataDir: string;
  databasePath: string;
  reused: boolean;
  prepareSeconds: number;
}

const TSX = path.resolve('node_modules/.bin/tsx');

function run(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(TSX, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
}

/** Generates and imports `accounts` synthetic accounts once; later runs with the same seed and size reuse them. */
export function ensureBenchDatabase(accounts: number, seed: number, log: (message: string) => void): BenchDatabase {
  const dataDir = path.resolve('bench-results', 'pages-db', `seed-${seed}-accounts-${accounts}`);
  const databasePath = path.join(dataDir, 'portal.db');
  // Written last, so a run cut short is not mistaken for a complete database.
  const readyMarker = path.join(dataDir, 'ready');
  if (existsSync(readyMarker)) return { dataDir, databasePath, reused: true, prepareSeconds: 0 };

  const started = performance.now();
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const extractDir = path.join(dataDir, 'extract');
  const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, DATABASE_PATH: databasePath, NODE_ENV: 'development' };
  log(`generating ${accounts.toLocaleString('en-US')} accounts (seed ${seed}) into ${extractDir}`);
  run(['scripts/data-generate.ts', '--accounts', String(accounts), '--seed', String(seed), '--out', extractDir], env);
  log('importing accounts');
  run(['scripts/import.ts', 'accounts', path.join(extractDir, 'accounts.csv'), '--operator', 'bench'], env);
  log('importing exposures');
  run(['scripts/import.ts', 'exposures', path.join(extractDir, 'exposures.csv'), '--operator', 'bench'], env);
  rmSync(extractDir, { recursive: true, force: true });
  writeFileSync(readyMarker, `${new Date().toISOString()}\n`);
  return { dataDir, databasePath, reused: false, prepareSeconds: (performance.now() - started) / 1000 };
}
