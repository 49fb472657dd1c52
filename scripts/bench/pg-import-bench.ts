// The PostgreSQL half of `npm run bench:import`: the same extract imported into a throwaway PostgreSQL server (the
// machine's own binaries, as the tests use) while a stand-in for the portal writes every 50 ms, beside a bare COPY of
// the same account rows (bare-copy.ts) into other databases of the same server, once before the import and once
// after: the faster of the two is the baseline, so other load on the machine during one of them does not flatter
// the import. Null without PostgreSQL binaries.
import path from 'node:path';
import pg from 'pg';
import { migratePostgres, openPostgres } from '../../db/client.pg';
import type { ExtractFiles } from '../../db/generate/write-extract';
import type { ImportSummary } from '../../db/import/run-import';
import { databaseUrl, postgresBinaries, startThrowawayPostgres } from '../../tests/helpers/postgres';
import type { BareCopyResult } from './bare-copy';
import { forkTs, importFigures, inChild, nextMessage } from './import-fork';

export interface PostgresImportBenchResult {
  importSeconds: { accounts: number; accountsValidating: number; exposures: number; total: number };
  importRowsPerSecond: number;
  /** The faster of the two bare runs; `bareCopyRuns` has both (seconds, all three tables). */
  bareCopy: BareCopyResult;
  bareCopyRuns: [number, number];
  /** Import rows/s against bare COPY of the accounts with their lines and directory entries (three tables). */
  ratio: number;
  /** The same against bare COPY of the accounts table alone. */
  ratioToAccountsTableCopy: number;
  peakRssMb: number;
  writer: { writes: number; maxMs: number; p99Ms: number };
  targets: Record<string, { value: number; target: string; met: boolean }>;
}

export async function runPostgresImportBench(
  extract: ExtractFiles,
  accounts: number,
  seed: number,
  dir: string,
  log: (message: string) => void,
): Promise<PostgresImportBenchResult | null> {
  const bin = postgresBinaries();
  if (!bin) {
    log('PostgreSQL half skipped: no PostgreSQL server programs (initdb, pg_ctl) here');
    return null;
  }
  log('starting a throwaway PostgreSQL server');
  const server = await startThrowawayPostgres(bin);
  try {
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      await client.query(statement).finally(() => client.end());
    };
    await admin('CREATE DATABASE bench_import');
    const importUrl = databaseUrl(server.url, 'bench_import');
    const db = openPostgres(importUrl, { max: 1 });
    await migratePostgres(db); // before the writer starts, so its table exists
    await db.$client.end();

    // Each baseline in a database of its own, dropped afterwards so its pages do not linger for the next step.
    const bareRun = async (database: string) => {
      log(`bare COPY of the same account rows (${database})`);
      await admin(`CREATE DATABASE ${database}`);
      const args = ['bare-copy', databaseUrl(server.url, database), String(accounts), String(seed), dir];
      const { result } = await inChild<BareCopyResult>(args);
      await admin(`DROP DATABASE ${database}`);
      return result;
    };
    const bareBefore = await bareRun('bench_bare_before');

    const env = { DATABASE_URL: importUrl };
    const writer = forkTs('pg-writer.ts', [importUrl]);
    await nextMessage(writer);
    const auditBeside = path.join(dir, 'pg-import'); // the child keeps the audit chain's head beside this name
    log('importing accounts into PostgreSQL (a writer transaction every 50 ms alongside)');
    const accountsRun = await inChild<ImportSummary>(['import', auditBeside, 'accounts', extract.accountsFile], env);
    log('importing exposures into PostgreSQL');
    const exposuresRun = await inChild<ImportSummary>(['import', auditBeside, 'exposures', extract.exposuresFile], env);
    writer.send('stop');
    const writerStats = await nextMessage<PostgresImportBenchResult['writer']>(writer);

    const bareAfter = await bareRun('bench_bare_after');
    const bare = bareBefore.seconds <= bareAfter.seconds ? bareBefore : bareAfter;
    const figures = importFigures(accounts, accountsRun, exposuresRun, bare.rowsPerSecond);
    const { ratio } = figures;
    const total = figures.importSeconds.total;
    return {
      ...figures,
      bareCopy: bare,
      bareCopyRuns: [bareBefore.seconds, bareAfter.seconds],
      ratio,
      ratioToAccountsTableCopy: figures.importRowsPerSecond / bare.accountsRowsPerSecond,
      writer: writerStats,
      targets: {
        'import seconds': { value: total, target: '< 60', met: total < 60 },
        'ratio to bare COPY': { value: ratio, target: '>= 0.5', met: ratio >= 0.5 },
        'writer max wait ms': { value: writerStats.maxMs, target: '< 1000', met: writerStats.maxMs < 1000 },
      },
    };
  } finally {
    server.stop();
  }
}
