// `npm run bench:import [-- --accounts N] [--engine sqlite|postgres|both]`: 2.3 million synthetic accounts and their
// exposures, imported into a fresh database while a stand-in for the portal writes every 50 ms; on SQLite compared
// with a bare prepared-insert loop of the same rows, on PostgreSQL (when its server programs are here) with a bare
// COPY of them (scripts/bench/pg-import-bench.ts). Prints Markdown tables and writes bench-results/import.json;
// `runImportBench()` is reused by `npm run bench`.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { migrateDatabase, openDatabase } from '../db/client';
import { writeExtract, type ExtractFiles } from '../db/generate/write-extract';
import type { ImportSummary } from '../db/import/run-import';
import type { BareResult } from './bench/bare-insert';
import { forkTs, importFigures, inChild, nextMessage } from './bench/import-fork';
import { runPostgresImportBench, type PostgresImportBenchResult } from './bench/pg-import-bench';

export interface SqliteImportBenchResult {
  importSeconds: { accounts: number; accountsValidating: number; exposures: number; total: number };
  importRowsPerSecond: number;
  bareRowsPerSecond: number;
  ratio: number;
  peakRssMb: number;
  writer: { writes: number; maxMs: number; p99Ms: number };
  /** Where each import's time went (db/import/phase-times.ts): seconds by phase, and counts. */
  phases: { accounts: Record<string, number>; exposures: Record<string, number> };
  targets: Record<string, { value: number; target: string; met: boolean }>;
}

/** The SQLite figures at the top level (as `npm run bench` reads them), PostgreSQL's under `postgres`. */
export interface ImportBenchResult extends SqliteImportBenchResult {
  accounts: number;
  exposures: number;
  /** Null when PostgreSQL's server programs are not on this machine, or the run was asked for SQLite only. */
  postgres: PostgresImportBenchResult | null;
}

export type BenchEngines = 'sqlite' | 'postgres' | 'both';

const SEED = 2018;

export async function runImportBench(
  accounts = Number(process.env.BENCH_ACCOUNTS ?? 2_300_000),
  engines: BenchEngines = 'both',
): Promise<ImportBenchResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-import-'));
  try {
    log(`generating ${accounts.toLocaleString('en-US')} accounts in ${dir}`);
    const extract = await writeExtract({ accounts, seed: SEED, outDir: dir });
    const sqlite = engines === 'postgres' ? null : await runSqliteImportBench(extract, accounts, dir);
    const postgres = engines === 'sqlite' ? null : await runPostgresImportBench(extract, accounts, SEED, dir, log);
    return { accounts, exposures: extract.exposureRows, ...(sqlite ?? notMeasured()), postgres };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function runSqliteImportBench(extract: ExtractFiles, accounts: number, dir: string): Promise<SqliteImportBenchResult> {
  const databasePath = path.join(dir, 'import.db');
  const db = openDatabase(databasePath);
  migrateDatabase(db); // before the writer starts, so its table exists
  db.$client.close();

  const writer = forkTs('import-writer.ts', [databasePath]);
  await nextMessage(writer);
  log('importing accounts (a writer transaction every 50 ms alongside)');
  const accountsRun = await inChild<ImportSummary>(['import', databasePath, 'accounts', extract.accountsFile]);
  log('importing exposures');
  const exposuresRun = await inChild<ImportSummary>(['import', databasePath, 'exposures', extract.exposuresFile]);
  writer.send('stop');
  const writerStats = await nextMessage<SqliteImportBenchResult['writer']>(writer);

  log('bare insert loop of the same account rows');
  const bare = await inChild<BareResult>(['bare', path.join(dir, 'bare.db'), String(accounts), String(SEED)]);
  const figures = importFigures(accounts, accountsRun, exposuresRun, bare.result.rowsPerSecond);
  const { ratio, peakRssMb } = figures;
  const total = figures.importSeconds.total;
  return {
    ...figures,
    bareRowsPerSecond: bare.result.rowsPerSecond,
    writer: writerStats,
    phases: { accounts: accountsRun.result.phases, exposures: exposuresRun.result.phases },
    targets: {
      // Issue 19's target (issue 3's was 60 s).
      'import seconds': { value: total, target: '< 25', met: total < 25 },
      'ratio to bare loop': { value: ratio, target: '>= 0.6', met: ratio >= 0.6 },
      'peak RSS MB': { value: peakRssMb, target: '< 300', met: peakRssMb < 300 },
      'writer max wait ms': { value: writerStats.maxMs, target: '< 1000', met: writerStats.maxMs < 1000 },
    },
  };
}

/** The SQLite fields of a run asked for PostgreSQL only: NaN figures, so nothing reads as measured. */
function notMeasured(): SqliteImportBenchResult {
  const seconds = { accounts: NaN, accountsValidating: NaN, exposures: NaN, total: NaN };
  return {
    importSeconds: seconds,
    importRowsPerSecond: NaN,
    bareRowsPerSecond: NaN,
    ratio: NaN,
    peakRssMb: NaN,
    writer: { writes: 0, maxMs: NaN, p99Ms: NaN },
    phases: { accounts: {}, exposures: {} },
    targets: {},
  };
}

const n = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const met = (target: { met: boolean } | undefined) => (target?.met ? 'yes' : 'NO');

export function importBenchTable(result: ImportBenchResult): string {
  const tables = [`Import: ${n(result.accounts)} accounts + ${n(result.exposures)} exposures`];
  if (!Number.isNaN(result.importRowsPerSecond)) tables.push(sqliteTable(result), phasesTable(result.phases.accounts));
  if (result.postgres) tables.push(postgresTable(result.postgres));
  return tables.join('\n\n');
}

function sqliteTable(result: ImportBenchResult): string {
  return [
    'SQLite',
    '',
    '| measure | value | target | met |',
    '|---|---:|---|---|',
    `| import accounts rows/s | ${n(result.importRowsPerSecond)} | | |`,
    `| bare insert loop rows/s | ${n(result.bareRowsPerSecond)} | | |`,
    `| ratio (import / bare) | ${n(result.ratio, 2)} | >= 0.6 | ${met(result.targets['ratio to bare loop'])} |`,
    `| of which reading, validating, staging, sorting accounts (s) | ${n(result.importSeconds.accountsValidating, 1)} | | |`,
    `| import seconds (accounts + exposures) | ${n(result.importSeconds.accounts, 1)} + ${n(result.importSeconds.exposures, 1)} = ${n(result.importSeconds.total, 1)} | < 25 | ${met(result.targets['import seconds'])} |`,
    `| peak RSS of the import (MB) | ${n(result.peakRssMb)} | < 300 | ${met(result.targets['peak RSS MB'])} |`,
    `| concurrent writer max wait (ms) | ${n(result.writer.maxMs)} (p99 ${n(result.writer.p99Ms)}, ${n(result.writer.writes)} writes) | < 1000 | ${met(result.targets['writer max wait ms'])} |`,
  ].join('\n');
}

/** The SQLite accounts import's phases, as timed inside it (nested phases are part of the one above them). */
function phasesTable(phases: Record<string, number>): string {
  const rows = Object.entries(phases).map(([name, value]) => `| ${name} | ${n(value, name.endsWith(' (count)') ? 0 : 2)} |`);
  return ['SQLite accounts import by phase', '', '| phase | seconds |', '|---|---:|', ...rows].join('\n');
}

function postgresTable(result: PostgresImportBenchResult): string {
  const bare = result.bareCopy;
  return [
    'PostgreSQL',
    '',
    '| measure | value | target | met |',
    '|---|---:|---|---|',
    `| import accounts rows/s | ${n(result.importRowsPerSecond)} | | |`,
    `| bare COPY rows/s (accounts, lines, directory: ${n(bare.seconds, 1)} s, the faster of ${result.bareCopyRuns.map((seconds) => n(seconds, 1)).join(' and ')} s) | ${n(bare.rowsPerSecond)} | | |`,
    `| ratio (import / bare COPY) | ${n(result.ratio, 2)} | >= 0.5 | ${met(result.targets['ratio to bare COPY'])} |`,
    `| bare COPY of the accounts table alone rows/s (${n(bare.accountsSeconds, 1)} s); ratio | ${n(bare.accountsRowsPerSecond)}; ${n(result.ratioToAccountsTableCopy, 2)} | | |`,
    `| bare COPY of the lines (s): plain; with the schema's foreign key to accounts | ${n(bare.linesSeconds, 1)}; ${n(bare.linesWithForeignKeySeconds, 1)} | | |`,
    `| of which reading, validating, staging, checking accounts (s) | ${n(result.importSeconds.accountsValidating, 1)} | | |`,
    `| import seconds (accounts + exposures) | ${n(result.importSeconds.accounts, 1)} + ${n(result.importSeconds.exposures, 1)} = ${n(result.importSeconds.total, 1)} | < 60 | ${met(result.targets['import seconds'])} |`,
    `| peak RSS of the import (MB) | ${n(result.peakRssMb)} | | |`,
    `| concurrent writer max wait (ms) | ${n(result.writer.maxMs)} (p99 ${n(result.writer.p99Ms)}, ${n(result.writer.writes)} writes) | < 1000 | ${met(result.targets['writer max wait ms'])} |`,
  ].join('\n');
}

export async function writeImportBenchJson(result: ImportBenchResult): Promise<string> {
  const file = path.resolve('bench-results/import.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

function log(message: string): void {
  console.error(`[bench:import] ${message}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { accounts: { type: 'string' }, engine: { type: 'string', default: 'both' } } });
  const accounts = values.accounts === undefined ? undefined : Number(values.accounts);
  const engine = values.engine as BenchEngines;
  if ((accounts !== undefined && !(Number.isInteger(accounts) && accounts > 0)) || !['sqlite', 'postgres', 'both'].includes(engine)) {
    console.error('usage: npm run bench:import -- [--accounts N] [--engine sqlite|postgres|both]');
    process.exit(2);
  }
  const result = await runImportBench(accounts, engine);
  console.log(importBenchTable(result));
  console.log(`\nJSON: ${await writeImportBenchJson(result)}`);
}
