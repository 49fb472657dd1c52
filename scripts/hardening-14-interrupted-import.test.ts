// Finding 14: an interrupted import. The import process is killed (SIGKILL) while it applies: every account it wrote
// is whole, the imports log says the run never finished, and running the same file again completes it and says so.
// On SQLite the chunks it committed stay (each whole); on PostgreSQL the apply is one transaction, so nothing does.
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { writeExtract } from '../db/generate/write-extract';
import { IMPORT_APPLICATION_NAME } from '../db/import/pg/postgres-import';
import { onPostgres } from '../tests/helpers/db';
import { accountsImportProcess, scratchDatabase, type ImportTarget, type ScratchDatabase } from '../tests/helpers/import-files';

/** The imports log as /admin reads it, from that database. */
async function importsAsTheAdminPageShowsThem(target: ImportTarget) {
  const [variable, value] = 'databaseUrl' in target ? ['DATABASE_URL', target.databaseUrl] : ['DATABASE_PATH', target.databasePath];
  const previous = process.env[variable];
  const { closeDb } = await import('../app/models/db.server');
  const { listImports } = await import('../app/models/admin-reports.server');
  await closeDb();
  process.env[variable] = value;
  (await import('../app/config.server')).resetConfigForTests();
  try {
    return await listImports(5);
  } finally {
    await closeDb();
    if (previous === undefined) delete process.env[variable];
    else process.env[variable] = previous;
    (await import('../app/config.server')).resetConfigForTests();
  }
}

/** True once the import writes accounts: on SQLite its first chunk is committed; on PostgreSQL its transaction holds a write lock on accounts. */
async function applying(scratch: ScratchDatabase, before: number): Promise<boolean> {
  if (!onPostgres()) return (await scratch.count('SELECT count(*) FROM accounts')) > before;
  return (
    (await scratch.count(`SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE a.application_name = '${IMPORT_APPLICATION_NAME}' AND l.mode = 'RowExclusiveLock' AND l.relation = 'accounts'::regclass
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`)) > 0
  );
}

const ACCOUNTS = 150_000;

describe('finding 14: an import killed while it applies', () => {
  it('leaves whole accounts and a log that says so; the same file again completes it', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(process.env.DATA_DIR!, 'killed-import-'));
    const scratch = await scratchDatabase(dir);
    try {
      const extract = await writeExtract({ accounts: ACCOUNTS, seed: 14, outDir: dir });
      const before = await scratch.count('SELECT count(*) FROM accounts');

      const first = accountsImportProcess(extract.accountsFile, scratch.target);
      const exited = new Promise<NodeJS.Signals | null>((resolve) => first.once('exit', (_code, signal) => resolve(signal)));
      let seen = false;
      for (let waited = 0; waited < 60_000 && !seen; waited += 5) {
        await sleep(5);
        seen = await applying(scratch, before);
      }
      expect(seen, 'the import reached its apply').toBe(true);
      first.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      const written = (await scratch.count('SELECT count(*) FROM accounts')) - before;
      if (onPostgres()) {
        expect(written, 'one transaction: nothing of a killed import stays').toBe(0);
      } else {
        expect(written, 'the import was killed while it applied, not after').toBeGreaterThan(0);
        expect(written).toBeLessThan(ACCOUNTS);
      }
      // Each chunk is one transaction: no account without its lines.
      expect(
        await scratch.count('SELECT count(*) FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM account_lines l WHERE l.account_id = a.id)'),
      ).toBe(0);
      // The log says at once that this run was interrupted (its process is gone), not "running" until the next import.
      const [killed] = await importsAsTheAdminPageShowsThem(scratch.target);
      expect(killed).toMatchObject({ outcome: 'interrupted', finishedAt: null });

      const second = accountsImportProcess(extract.accountsFile, scratch.target);
      const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
      expect(code).toBe(0);
      expect((await scratch.count('SELECT count(*) FROM accounts')) - before).toBe(ACCOUNTS);
      expect(await scratch.count('SELECT count(*) FROM phone_directory')).toBe(await scratch.count('SELECT count(*) FROM account_lines'));
      const log = await scratch.rows<{ outcome: string; message: string | null }>('SELECT outcome, message FROM imports ORDER BY id');
      expect(log.at(-2)).toEqual({
        outcome: 'failed',
        message: expect.stringMatching(
          /^Stopped before it finished: run its file again to complete it\. Import #\d+ rebuilt the phone look-up\.$/,
        ),
      });
      expect(log.at(-1)).toMatchObject({ outcome: 'succeeded' });
    } finally {
      await scratch.close();
    }
  });
});
