// `npm run bench:import`: 2.3 million synthetic accounts and their exposures, imported into a fresh database while a
// stand-in for the portal writes every 50 ms; compared with a bare prepared-insert loop of the same rows.
// Prints a Markdown table and writes bench-results/import.json; `runImportBench()` is reused by `npm run bench`.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase, openDatabase } from '../db/client';
import { writeExtract } from '../db/generate/write-extract';
import type { ImportSummary } from '../db/import/run-import';
import type { BareResult } from './bench/bare-insert';
import { forkTs, nextMessage } from './bench/import-fork';

export interface ImportBenchResult {
  accounts: number;
  exposures: number;
  importSeconds: { accounts: number; accountsValidating: number; exposures: number; total: number };
  importRowsPerSecond: number;
  bareRowsPerSecond: number;
  ratio: number;
  peakRssMb: number;
  writer: { writes: number; maxMs: number; p99Ms: number };
  targets: Record<string, { value: number; target: string; met: boolean }>;
}

interface ChildReport<T> {
  result: T;
  peakRssMb: number;
}

const SEED = 2018;

async function inChild<T>(args: string[]): Promise<ChildReport<T>> {
  return nextMessage<ChildReport<T>>(forkTs('import-child.ts', args));
}

export async function runImportBench(accounts = Number(process.env.BENCH_ACCOUNTS ?? 2_300_000)): Promise<ImportBenchResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-import-'));
  try {
    log(`generating ${accounts.toLocaleString('en-US')} accounts in ${dir}`);
    const extract = await writeExtract({ accounts, seed: SEED, outDir: dir });
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
    const writerStats = await nextMessage<ImportBenchResult['writer']>(writer);
    for (const run of [accountsRun, exposuresRun]) {
      if (run.result.outcome !== 'succeeded') throw new Error(`import failed: ${run.result.message} ${run.result.errors.join('; ')}`);
    }

    log('bare insert loop of the same account rows');
    const bare = await inChild<BareResult>(['bare', path.join(dir, 'bare.db'), String(accounts), String(SEED)]);

    const total = accountsRun.result.seconds + exposuresRun.result.seconds;
    const importRowsPerSecond = accounts / accountsRun.result.seconds;
    const ratio = importRowsPerSecond / bare.result.rowsPerSecond;
    const peakRssMb = Math.max(accountsRun.peakRssMb, exposuresRun.peakRssMb);
    return {
      accounts,
      exposures: extract.exposureRows,
      importSeconds: {
        accounts: accountsRun.result.seconds,
        accountsValidating: accountsRun.result.validateSeconds,
        exposures: exposuresRun.result.seconds,
        total,
      },
      importRowsPerSecond,
      bareRowsPerSecond: bare.result.rowsPerSecond,
      ratio,
      peakRssMb,
      writer: writerStats,
      targets: {
        'import seconds': { value: total, target: '< 60', met: total < 60 },
        'ratio to bare loop': { value: ratio, target: '>= 0.6', met: ratio >= 0.6 },
        'peak RSS MB': { value: peakRssMb, target: '< 300', met: peakRssMb < 300 },
        'writer max wait ms': { value: writerStats.maxMs, target: '< 1000', met: writerStats.maxMs < 1000 },
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function importBenchTable(result: ImportBenchResult): string {
  const n = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return [
    `Import: ${n(result.accounts)} accounts + ${n(result.exposures)} exposures`,
    '',
    '| measure | value | target | met |',
    '|---|---:|---|---|',
    `| import accounts rows/s | ${n(result.importRowsPerSecond)} | | |`,
    `| bare insert loop rows/s | ${n(result.bareRowsPerSecond)} | | |`,
    `| ratio (import / bare) | ${n(result.ratio, 2)} | >= 0.6 | ${result.targets['ratio to bare loop']!.met ? 'yes' : 'NO'} |`,
    `| of which reading, validating, staging, sorting accounts (s) | ${n(result.importSeconds.accountsValidating, 1)} | | |`,
    `| import seconds (accounts + exposures) | ${n(result.importSeconds.accounts, 1)} + ${n(result.importSeconds.exposures, 1)} = ${n(result.importSeconds.total, 1)} | < 60 | ${result.targets['import seconds']!.met ? 'yes' : 'NO'} |`,
    `| peak RSS of the import (MB) | ${n(result.peakRssMb)} | < 300 | ${result.targets['peak RSS MB']!.met ? 'yes' : 'NO'} |`,
    `| concurrent writer max wait (ms) | ${n(result.writer.maxMs)} (p99 ${n(result.writer.p99Ms)}, ${n(result.writer.writes)} writes) | < 1000 | ${result.targets['writer max wait ms']!.met ? 'yes' : 'NO'} |`,
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
  const result = await runImportBench();
  console.log(importBenchTable(result));
  console.log(`\nJSON: ${await writeImportBenchJson(result)}`);
}
