import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNTS_HEADER, emptyImportTables, writeCsv } from '../tests/helpers/import-files';

const run = promisify(execFile);

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['--import', 'tsx', 'scripts/import.ts', ...args], { env: { ...process.env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// The command runs on the engine of the test run: its process inherits DATABASE_URL under TEST_ENGINE=postgres.
beforeEach(emptyImportTables);

describe('npm run import', () => {
  it('prints a one-line summary, or JSON with --json', async () => {
    const file = writeCsv('accounts.csv', `${ACCOUNTS_HEADER}\n100000001,postpaid,Jordan Rivera,98006,,,+12065550101,\n`);
    const first = await cli('accounts', file);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Imported accounts from .*accounts\.csv: 1 rows: 1 inserted, 0 updated, 0 unchanged in [\d.]+ s/);
    const again = await cli('accounts', file, '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ outcome: 'succeeded', rows: 1, inserted: 0, unchanged: 1, errorCount: 0 });
  });

  it('prints each bad row and the total, and exits non-zero', async () => {
    const bad = Array.from({ length: 22 }, () => `12345,postpaid,Person,98006,,,+12065550101,`);
    const file = writeCsv('accounts.csv', `${ACCOUNTS_HEADER}\n${bad.join('\n')}\n`);
    const result = await cli('accounts', file);
    expect(result.code).toBe(1);
    const lines = result.stderr
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('npm warn'));
    expect(lines[0]).toBe('line 2, column account_number: expected 9 digits (got "12345")');
    expect(lines).toContain('... and 2 more');
    expect(lines.at(-1)).toBe(`Import of accounts from ${file} failed: 22 bad rows; nothing was imported (22 errors)`);
  });

  it('explains its usage', async () => {
    const result = await cli('customers', 'x.csv');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run import -- accounts|exposures FILE');
  });
});
