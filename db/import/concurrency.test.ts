// The import must not hold the portal up. On SQLite, checked deterministically with a second connection that refuses
// to wait (busy_timeout 0), so any lock the import held at that moment would fail the write at once. On PostgreSQL the
// apply is one transaction: a session of the test's own holds one account's row, so the import stops part way through
// its transaction, and the test reads and writes from outside meanwhile.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accounts, rateLimits } from '../../db/tables';
import { onPostgres, rawSql, sqliteTestDb, testDatabase } from '../../tests/helpers/db';
import { ACCOUNTS_HEADER, emptyImportTables, importFile, importText } from '../../tests/helpers/import-files';
import { writeExtract } from '../generate/write-extract';
import { IMPORT_APPLICATION_NAME } from './pg/postgres-import';

const person = (i: number, name = `Person ${i}`) => `10000000${i + 1},postpaid,${name},98006,,,+120655502${String(i).padStart(2, '0')},`;

beforeEach(emptyImportTables);

describe.skipIf(onPostgres())('import concurrency on SQLite', () => {
  let other: Database.Database;

  function writeNow(): void {
    other
      .transaction(() => {
        other
          .prepare(
            `INSERT INTO rate_limits (key, count, reset_at) VALUES ('concurrency-test', 1, 0)
      ON CONFLICT (key) DO UPDATE SET count = count + 1`,
          )
          .run();
      })
      .immediate();
  }

  beforeEach(() => {
    sqliteTestDb(); // this describe is about SQLite's own locks
    other = new Database(process.env.DATABASE_PATH!);
    other.pragma('busy_timeout = 0');
  });

  afterEach(() => other.close());

  it('holds no lock on the database while reading, validating and staging', async () => {
    const extract = await writeExtract({
      accounts: 20_000,
      seed: 1,
      outDir: mkdtempSync(path.join(process.env.DATA_DIR ?? tmpdir(), 'import-test-')),
    });
    let writesWhileStaging = 0;
    const summary = await importFile('accounts', extract.accountsFile, {
      onProgress: (progress) => {
        // Past the first 1 MB chunk, staged rows sit in an open TEMP transaction.
        if (progress.phase === 'validating' && progress.bytesRead > 1 << 20) {
          writeNow();
          writesWhileStaging++;
        }
      },
      beforeApply: writeNow,
    });
    expect(summary).toMatchObject({ outcome: 'succeeded', inserted: 20_000 });
    expect(writesWhileStaging).toBeGreaterThan(0);
  });

  it('applies in short transactions and releases the lock between them', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => person(i));
    const visible: number[] = [];
    const summary = await importText('accounts', [ACCOUNTS_HEADER, ...rows], {
      chunkRows: 2,
      onProgress: (progress) => {
        if (progress.phase !== 'applying') return;
        writeNow(); // would throw SQLITE_BUSY if the import still held the write lock
        visible.push((other.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n);
      },
    });
    expect(summary).toMatchObject({ outcome: 'succeeded', inserted: 7 });
    expect(visible).toEqual([2, 4, 6, 7]);
  });
});

describe.runIf(onPostgres())('import concurrency on PostgreSQL', () => {
  it('applies in one transaction: others read and write meanwhile, and see none of it until it commits', async () => {
    await importText('accounts', [ACCOUNTS_HEADER, ...Array.from({ length: 7 }, (_, i) => person(i))]);
    const renamed = Array.from({ length: 7 }, (_, i) => person(i, `Renamed ${i}`));
    const names = async () =>
      (await testDatabase().all((q) => q.select({ name: accounts.holderName }).from(accounts).orderBy(accounts.accountNumber))).map(
        (row) => row.name,
      );
    const before = await names();

    // The last account's row held by another session: the import's last chunk waits on it, the first three written.
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query("SELECT 1 FROM accounts WHERE account_number = '100000007' FOR UPDATE");
    let applied = 0;
    const running = importText('accounts', [ACCOUNTS_HEADER, ...renamed, person(7)], {
      chunkRows: 2,
      onProgress: (progress) => {
        if (progress.phase === 'applying') applied = progress.applied;
      },
    });
    const waiting = async () =>
      (
        await rawSql<{ n: number }>(
          sql`SELECT count(*)::integer AS n FROM pg_stat_activity WHERE application_name = ${IMPORT_APPLICATION_NAME} AND wait_event_type = 'Lock'`,
        )
      )[0]!.n;
    for (let waited = 0; waited < 10_000 && (await waiting()) !== 1; waited += 10) await sleep(10);
    try {
      expect(applied, 'the import is part way through its transaction').toBe(6);
      expect(await names(), 'nothing of it shows before it commits').toEqual(before);
      await testDatabase().run((q) =>
        q
          .insert(rateLimits)
          .values({ key: 'concurrency-test', count: 1, resetAt: new Date() })
          .onConflictDoUpdate({ target: rateLimits.key, set: { count: sql`${rateLimits.count} + 1` } }),
      );
    } finally {
      await holder.query('COMMIT');
      await holder.end();
    }
    expect(await running).toMatchObject({ outcome: 'succeeded', inserted: 1, updated: 7 });
    expect(await names()).toEqual([...renamed.map((_, i) => `Renamed ${i}`), 'Person 7']);
  });
});
