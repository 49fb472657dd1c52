// Finding 14: an interrupted import. The import process is killed (SIGKILL) while it applies: every account it wrote
// is whole, the imports log says the run never finished, and running the same file again completes it and says so.
import { copyFileSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeExtract } from '../db/generate/write-extract';
import { accountsImportProcess } from '../tests/helpers/import-files';

/** The imports log as /admin reads it, from that database. */
async function importsAsTheAdminPageShowsThem(databasePath: string) {
  const previous = process.env.DATABASE_PATH;
  const { closeDb } = await import('../app/models/db.server');
  const { listImports } = await import('../app/models/admin-reports.server');
  await closeDb();
  process.env.DATABASE_PATH = databasePath;
  (await import('../app/config.server')).resetConfigForTests();
  try {
    return await listImports(5);
  } finally {
    await closeDb();
    process.env.DATABASE_PATH = previous;
    (await import('../app/config.server')).resetConfigForTests();
  }
}

const ACCOUNTS = 150_000;

describe('finding 14: an import killed while it applies', () => {
  it('leaves whole accounts and a log that says so; the same file again completes it', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(process.env.DATA_DIR!, 'killed-import-'));
    const databasePath = path.join(dir, 'portal.db');
    copyFileSync(process.env.DATABASE_PATH!, databasePath); // migrated, empty of accounts
    const extract = await writeExtract({ accounts: ACCOUNTS, seed: 14, outDir: dir });
    const watcher = new Database(databasePath, { readonly: true });
    const count = (sql: string) => watcher.prepare(sql).pluck().get() as number;
    const before = count('SELECT count(*) FROM accounts');

    const first = accountsImportProcess(extract.accountsFile, databasePath);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => first.once('exit', (_code, signal) => resolve(signal)));
    let applied = 0;
    for (let waited = 0; waited < 60_000 && applied === 0; waited += 5) {
      await sleep(5);
      applied = count('SELECT count(*) FROM accounts') - before;
    }
    first.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const written = count('SELECT count(*) FROM accounts') - before;
    expect(written, 'the import was killed while it applied, not after').toBeGreaterThan(0);
    expect(written).toBeLessThan(ACCOUNTS);
    // Each chunk is one transaction: no account without its lines.
    expect(count('SELECT count(*) FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM account_lines l WHERE l.account_id = a.id)')).toBe(0);
    // The log says at once that this run was interrupted (its process is gone), not "running" until the next import.
    const [killed] = await importsAsTheAdminPageShowsThem(databasePath);
    expect(killed).toMatchObject({ outcome: 'interrupted', finishedAt: null });

    const second = accountsImportProcess(extract.accountsFile, databasePath);
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).toBe(0);
    expect(count('SELECT count(*) FROM accounts') - before).toBe(ACCOUNTS);
    expect(count('SELECT count(*) FROM phone_directory')).toBe(count('SELECT count(*) FROM account_lines'));
    const log = watcher.prepare('SELECT outcome, message FROM imports ORDER BY id').all() as Array<{
      outcome: string;
      message: string | null;
    }>;
    expect(log.at(-2)).toEqual({
      outcome: 'failed',
      message: expect.stringMatching(
        /^Stopped before it finished: run its file again to complete it\. Import #\d+ rebuilt the phone look-up\.$/,
      ),
    });
    expect(log.at(-1)).toMatchObject({ outcome: 'succeeded' });
    watcher.close();
  });
});
