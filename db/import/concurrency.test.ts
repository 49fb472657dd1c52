// The import must not hold the portal up: checked deterministically with a second connection that refuses to wait
// (busy_timeout 0), so any lock the import held at that moment would fail the write at once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDb } from '../../tests/helpers/db';
import { ACCOUNTS_HEADER, importFile, importText } from '../../tests/helpers/import-files';
import { writeExtract } from '../generate/write-extract';

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
  testDb().$client.exec(
    'DELETE FROM exposures; DELETE FROM account_lines; DELETE FROM phone_directory; DELETE FROM customers; DELETE FROM accounts; DELETE FROM imports',
  );
  other = new Database(process.env.DATABASE_PATH!);
  other.pragma('busy_timeout = 0');
});

afterEach(() => other.close());

describe('import concurrency', () => {
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
    const rows = Array.from(
      { length: 7 },
      (_, i) => `10000000${i + 1},postpaid,Person ${i},98006,,,+120655502${String(i).padStart(2, '0')},`,
    );
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
