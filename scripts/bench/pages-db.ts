// The pages bench's database: a generated extract imported with the operator commands, cached by seed and size.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { databaseUrl, postgresBinaries, startKeptPostgres } from '../../tests/helpers/postgres';

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

export interface BenchPostgres {
  /** The portal's own data folder (keys it would otherwise write beside the SQLite file). */
  dataDir: string;
  databaseUrl: string;
  reused: boolean;
  prepareSeconds: number;
  stop(): void;
}

function importExtract(accounts: number, seed: number, dataDir: string, env: NodeJS.ProcessEnv, log: (message: string) => void): void {
  const extractDir = path.join(dataDir, 'extract');
  log(`generating ${accounts.toLocaleString('en-US')} accounts (seed ${seed}) into ${extractDir}`);
  run(['scripts/data-generate.ts', '--accounts', String(accounts), '--seed', String(seed), '--out', extractDir], env);
  log('importing accounts');
  run(['scripts/import.ts', 'accounts', path.join(extractDir, 'accounts.csv'), '--operator', 'bench'], env);
  log('importing exposures');
  run(['scripts/import.ts', 'exposures', path.join(extractDir, 'exposures.csv'), '--operator', 'bench'], env);
  rmSync(extractDir, { recursive: true, force: true });
}

/**
 * The same accounts in PostgreSQL, on a server whose data stays under bench-results between runs; null when this
 * machine has no PostgreSQL server programs. The server runs until stop().
 */
export async function ensureBenchPostgres(accounts: number, seed: number, log: (message: string) => void): Promise<BenchPostgres | null> {
  const bin = postgresBinaries();
  if (!bin) return null;
  const root = path.resolve('bench-results', 'pages-db-pg', `seed-${seed}-accounts-${accounts}`);
  const dataDir = path.join(root, 'portal');
  const readyMarker = path.join(root, 'ready');
  const started = performance.now();
  mkdirSync(dataDir, { recursive: true });
  const server = await startKeptPostgres(bin, path.join(root, 'server'));
  const url = databaseUrl(server.url, 'portal');
  if (existsSync(readyMarker)) return { dataDir, databaseUrl: url, reused: true, prepareSeconds: 0, stop: server.stop };
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS portal WITH (FORCE)');
    await admin.query('CREATE DATABASE portal');
    await admin.end();
    importExtract(accounts, seed, dataDir, { DATA_DIR: dataDir, DATABASE_URL: url, NODE_ENV: 'development' }, log);
    const tune = new pg.Client({ connectionString: url });
    await tune.connect();
    await tune.query('VACUUM ANALYZE'); // as an operator's maintenance would leave it after a bulk load
    await tune.end();
  } catch (error) {
    server.stop();
    throw error;
  }
  writeFileSync(readyMarker, `${new Date().toISOString()}\n`);
  return { dataDir, databaseUrl: url, reused: false, prepareSeconds: (performance.now() - started) / 1000, stop: server.stop };
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
  importExtract(accounts, seed, dataDir, { DATA_DIR: dataDir, DATABASE_PATH: databasePath, NODE_ENV: 'development' }, log);
  writeFileSync(readyMarker, `${new Date().toISOString()}\n`);
  return { dataDir, databasePath, reused: false, prepareSeconds: (performance.now() - started) / 1000 };
}
