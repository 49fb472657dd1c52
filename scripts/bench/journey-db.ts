// The journey bench's databases: a few thousand generated accounts imported with the operator commands, each with a
// current PIN its holder knows (journey-prepare.ts), kept under bench-results as a template; every measured run
// starts from a fresh copy of it, so no run meets the passkeys, PINs, locks and rate-limit counts of an earlier one.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { databaseUrl, postgresBinaries, startKeptPostgres } from '../../tests/helpers/postgres';

/** One holder the bench plays: the line the code goes to, the PIN they know and the one they change it to. */
export interface JourneyCustomer {
  accountNumber: string;
  phone: string;
  currentPin: string;
  newPin: string;
  /** The current PIN's hash (with the template's pepper), so both engines' copies hold the same. */
  pinHash: string;
}

/** The secrets the template was written with (the import and preparation ran in development, keeping them here). */
export interface JourneySecrets {
  sessionSecret: string;
  pinPepper: string;
  auditKey: string;
  outboxKey: string;
}

export interface JourneyTemplate {
  root: string;
  sqliteDir: string;
  customersFile: string;
  reused: boolean;
  prepareSeconds: number;
}

export interface JourneyPostgres {
  serverUrl: string;
  /** The portal's data folder beside the template database (its keys and audit head). */
  dataDir: string;
  reused: boolean;
  prepareSeconds: number;
  stop(): void;
}

// Bumped when what the template holds changes, so an old cache is not mistaken for the new shape.
const TEMPLATE_VERSION = 'v1';
const TEMPLATE_DATABASE = 'journey_template';
const RUN_DATABASE = 'journey_run';
const KEY_FILES = ['session-secret', 'pin-pepper', 'audit-key', 'outbox-key'];
const TSX = path.resolve('node_modules/.bin/tsx');

function run(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(TSX, args, { stdio: ['ignore', 2, 'inherit'], env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
}

/** Generates the extract, imports it with the operator commands, then gives every holder a PIN. */
function importAndPrepare(
  accounts: number,
  seed: number,
  root: string,
  customersFile: string,
  env: NodeJS.ProcessEnv,
  log: (message: string) => void,
) {
  const extractDir = path.join(root, 'extract');
  log(`generating ${accounts.toLocaleString('en-US')} accounts (seed ${seed})`);
  run(['scripts/data-generate.ts', '--accounts', String(accounts), '--seed', String(seed), '--out', extractDir], env);
  log('importing accounts and exposures');
  run(['scripts/import.ts', 'accounts', path.join(extractDir, 'accounts.csv'), '--operator', 'bench'], env);
  run(['scripts/import.ts', 'exposures', path.join(extractDir, 'exposures.csv'), '--operator', 'bench'], env);
  rmSync(extractDir, { recursive: true, force: true });
  log(existsSync(customersFile) ? 'storing the holders’ PINs' : 'giving every holder a PIN (Argon2id, once)');
  run(['scripts/bench/journey-prepare.ts', customersFile, String(seed)], env);
}

/** The SQLite template (and the customers file), made once per seed and size. */
export function ensureJourneyTemplate(accounts: number, seed: number, log: (message: string) => void): JourneyTemplate {
  const root = path.resolve('bench-results', 'journey-db', `${TEMPLATE_VERSION}-seed-${seed}-accounts-${accounts}`);
  const sqliteDir = path.join(root, 'sqlite');
  const customersFile = path.join(root, 'customers.json');
  // Written last, so a run cut short is not mistaken for a complete template.
  const ready = path.join(sqliteDir, 'ready');
  if (existsSync(ready)) return { root, sqliteDir, customersFile, reused: true, prepareSeconds: 0 };
  const started = performance.now();
  rmSync(root, { recursive: true, force: true }); // the PostgreSQL copy holds the old PINs' hashes: it goes too
  mkdirSync(sqliteDir, { recursive: true });
  importAndPrepare(
    accounts,
    seed,
    root,
    customersFile,
    { DATA_DIR: sqliteDir, DATABASE_PATH: path.join(sqliteDir, 'portal.db'), DATABASE_URL: '', NODE_ENV: 'development' },
    log,
  );
  writeFileSync(ready, `${new Date().toISOString()}\n`);
  return { root, sqliteDir, customersFile, reused: false, prepareSeconds: (performance.now() - started) / 1000 };
}

/**
 * The same accounts on a PostgreSQL server kept under the template's folder (as the pages bench keeps its own), as
 * the database `journey_template`; null when this machine has no PostgreSQL server programs. Runs until stop().
 */
export async function ensureJourneyPostgres(
  template: JourneyTemplate,
  accounts: number,
  seed: number,
  log: (message: string) => void,
): Promise<JourneyPostgres | null> {
  const bin = postgresBinaries();
  if (!bin) return null;
  const dataDir = path.join(template.root, 'pg-portal');
  const ready = path.join(template.root, 'pg-ready');
  const started = performance.now();
  const server = await startKeptPostgres(bin, path.join(template.root, 'pg-server'));
  const result = { serverUrl: server.url, dataDir, stop: server.stop };
  if (existsSync(ready)) return { ...result, reused: true, prepareSeconds: 0 };
  try {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    // The same keys as the SQLite template: the customers file's PIN hashes were made with its pepper.
    for (const name of KEY_FILES) copyFileSync(path.join(template.sqliteDir, name), path.join(dataDir, name));
    await admin(server.url, [`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`, `CREATE DATABASE ${TEMPLATE_DATABASE}`]);
    const url = databaseUrl(server.url, TEMPLATE_DATABASE);
    importAndPrepare(
      accounts,
      seed,
      template.root,
      template.customersFile,
      { DATA_DIR: dataDir, DATABASE_URL: url, NODE_ENV: 'development' },
      log,
    );
    await admin(url, ['VACUUM ANALYZE']); // as an operator's maintenance would leave it after a bulk load
  } catch (error) {
    server.stop();
    throw error;
  }
  writeFileSync(ready, `${new Date().toISOString()}\n`);
  return { ...result, reused: false, prepareSeconds: (performance.now() - started) / 1000 };
}

async function admin(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

export function readSecrets(dataDir: string): JourneySecrets {
  const read = (name: string) => readFileSync(path.join(dataDir, name), 'utf8').trim();
  return {
    sessionSecret: read('session-secret'),
    pinPepper: read('pin-pepper'),
    auditKey: read('audit-key'),
    outboxKey: read('outbox-key'),
  };
}

/** A fresh copy of the SQLite template (its keys and audit head with it) in `runDir`. */
export function freshSqliteCopy(template: JourneyTemplate, runDir: string): { dataDir: string; databasePath: string } {
  rmSync(runDir, { recursive: true, force: true });
  cpSync(template.sqliteDir, runDir, { recursive: true, filter: (source) => !/(^|\/)(ready|portal\.db-shm)$/.test(source) });
  return { dataDir: runDir, databasePath: path.join(runDir, 'portal.db') };
}

/** A fresh database copied from the PostgreSQL template, with a copy of its data folder in `runDir`. */
export async function freshPostgresCopy(postgres: JourneyPostgres, runDir: string): Promise<{ dataDir: string; databaseUrl: string }> {
  await admin(postgres.serverUrl, [
    `DROP DATABASE IF EXISTS ${RUN_DATABASE} WITH (FORCE)`,
    `CREATE DATABASE ${RUN_DATABASE} TEMPLATE ${TEMPLATE_DATABASE}`,
  ]);
  rmSync(runDir, { recursive: true, force: true });
  cpSync(postgres.dataDir, runDir, { recursive: true });
  return { dataDir: runDir, databaseUrl: databaseUrl(postgres.serverUrl, RUN_DATABASE) };
}
