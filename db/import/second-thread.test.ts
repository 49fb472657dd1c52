// SQLite reads the file in a second thread and stages each row by its place among the valid rows (seq), not its line;
// for an import of new accounts that thread also works out and writes the phone directory. The operator must not
// see any of it: the same line numbers on both engines, the same directory, the same failures.
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { asc } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { accountLines, accounts, phoneDirectory } from '../../db/tables';
import { onPostgres, testDatabase } from '../../tests/helpers/db';
import { ACCOUNTS_HEADER, emptyImportTables, EXPOSURES_HEADER, importFile, importText } from '../../tests/helpers/import-files';
import { StagedLines } from './staged-rows';

const account = (i: number, phones = `+120655501${String(i).padStart(2, '0')}`) =>
  `1000000${String(i).padStart(2, '0')},postpaid,Person ${i},98006,,,${phones},`;

const pairsOf = (table: typeof accountLines | typeof phoneDirectory) =>
  testDatabase().all((q) =>
    q.select({ accountId: table.accountId, phone: table.phone }).from(table).orderBy(asc(table.accountId), asc(table.phone)),
  );

beforeEach(emptyImportTables);

describe('StagedLines', () => {
  it('gives each valid row its line from a few steps', () => {
    const lines = new StagedLines();
    // Lines 2-4 valid, 5 blank, 6-7 one record over two lines, 8 bad, 9 valid.
    [2, 3, 4, 6, 9].forEach((line, i) => lines.record(i + 1, line));
    expect(lines.steps).toEqual([1, 1, 4, 2, 5, 4]);
    expect([1, 2, 3, 4, 5].map((seq) => lines.lineOf(seq))).toEqual([2, 3, 4, 6, 9]);
    expect(new StagedLines(lines.steps).lineOf(5)).toBe(9);
  });
});

describe('line numbers after lines that are not rows', () => {
  const between = ['', '100000090,postpaid,"Two', 'Lines",98006,,,+12065550190,', 'not,a,row'];

  it('name the right lines for a repeated account', async () => {
    const summary = await importText('accounts', [ACCOUNTS_HEADER, account(1), ...between, account(2), account(1)]);
    expect(summary.errors).toEqual([
      'line 6, column billing_zip: expected 8 columns as in the header, found 3',
      'line 8, column account_number: 100000001 is already on line 2',
    ]);
  });

  it('name the right lines for a repeated exposure and an unknown account, after a record over two lines', async () => {
    await importText('accounts', [ACCOUNTS_HEADER, account(1)]);
    const exposure = '100000001,2018-08-api,name';
    const summary = await importText('exposures', [
      EXPOSURES_HEADER,
      exposure,
      '',
      '100000001,"2019-11-prepaid',
      '",name',
      exposure,
      '100000077,2018-08-api,name',
    ]);
    expect(summary.errors).toEqual([
      'line 6, column incident: 100000001 in 2018-08-api is already on line 2',
      'line 7, column account_number: no account 100000077 in the database (import the accounts file first)',
    ]);
  });
});

describe('the phone directory of an import of new accounts', () => {
  it('matches the lines, in short transactions', async () => {
    const rows = Array.from({ length: 9 }, (_, i) => account(i + 1, i % 3 === 0 ? `+120655501${i}0;+120655501${i}1` : undefined));
    const summary = await importText('accounts', [ACCOUNTS_HEADER, ...rows.reverse()], { chunkRows: 2 });
    expect(summary).toMatchObject({ outcome: 'succeeded', inserted: 9 });
    if (!onPostgres()) expect(summary.phases).toHaveProperty(['directory: sorting the new entries (another thread)']);
    expect(await pairsOf(accountLines)).toHaveLength(12);
    expect(await pairsOf(phoneDirectory)).toEqual(await pairsOf(accountLines));
  });

  it.skipIf(onPostgres())('keeps its scratch file beside the database, readable by its owner only, and removes it', async () => {
    const folder = path.dirname(path.resolve(process.env.DATABASE_PATH!));
    const scratch = () => readdirSync(folder).filter((name) => name.includes('-import-directory-'));
    const modes: number[] = [];
    const summary = await importText('accounts', [ACCOUNTS_HEADER, account(1), account(2)], {
      chunkRows: 1,
      onProgress: (progress) => {
        if (progress.phase === 'applying') modes.push(...scratch().map((name) => statSync(path.join(folder, name)).mode & 0o777));
      },
    });
    expect(summary).toMatchObject({ outcome: 'succeeded', inserted: 2 });
    expect(modes.length).toBeGreaterThan(0);
    expect(new Set(modes)).toEqual(new Set([0o600]));
    expect(scratch()).toEqual([]);
  });

  it.skipIf(onPostgres())('is worked out again when new ids did not follow on (accounts added meanwhile)', async () => {
    const other = new Database(process.env.DATABASE_PATH!);
    let added = false;
    const summary = await importText('accounts', [ACCOUNTS_HEADER, ...Array.from({ length: 6 }, (_, i) => account(i + 1))], {
      chunkRows: 2,
      onProgress: (progress) => {
        if (progress.phase !== 'applying' || added) return;
        added = true; // as if someone else added an account between two chunks: the next ids jump by one
        other
          .prepare(
            `INSERT INTO accounts (account_number, account_type, holder_name, billing_zip) VALUES ('199999999', 'prepaid', 'Other', '98006')`,
          )
          .run();
      },
    });
    other.close();
    expect(summary).toMatchObject({ outcome: 'succeeded', inserted: 6 });
    expect(await testDatabase().all((q) => q.select({ id: accounts.id }).from(accounts))).toHaveLength(7);
    expect(summary.phases).toHaveProperty(['directory: sorting the changes']); // by the main thread, after all
    expect(await pairsOf(phoneDirectory)).toEqual(await pairsOf(accountLines));
  });
});

describe('a file that cannot be read', () => {
  it('fails with the reason, and imports nothing', async () => {
    const folder = mkdtempSync(path.join(process.env.DATA_DIR ?? tmpdir(), 'not-a-file-'));
    const summary = await importFile('accounts', folder);
    expect(summary).toMatchObject({ outcome: 'failed', inserted: 0 });
    expect(summary.message).toMatch(/EISDIR/);
    // The next import is not held up by it.
    expect(await importText('accounts', [ACCOUNTS_HEADER, account(1)])).toMatchObject({ outcome: 'succeeded', inserted: 1 });
  });
});
