// Imports run one at a time, across processes: a second import started while one runs is refused with a sentence
// and changes nothing; the first completes as if alone.
import { copyFileSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeExtract } from '../db/generate/write-extract';
import { testDb } from '../tests/helpers/db';
import { ACCOUNTS_HEADER, accountsImportProcess, importFile, writeCsv } from '../tests/helpers/import-files';

const ACCOUNTS = 60_000;

function importProcess(file: string, databasePath: string) {
  const child = accountsImportProcess(file, databasePath);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  return { child, exited };
}

describe('imports across processes', () => {
  it('refuse a second import while one runs, with a sentence naming it, and leave the first to finish', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(process.env.DATA_DIR!, 'one-import-'));
    const databasePath = path.join(dir, 'portal.db');
    copyFileSync(process.env.DATABASE_PATH!, databasePath); // migrated, empty of accounts
    const extract = await writeExtract({ accounts: ACCOUNTS, seed: 21, outDir: dir });
    const watcher = new Database(databasePath, { readonly: true });
    const running = () =>
      watcher.prepare("SELECT id, pid FROM imports WHERE outcome = 'running'").all() as Array<{ id: number; pid: number }>;

    const first = importProcess(extract.accountsFile, databasePath);
    for (let waited = 0; waited < 60_000 && running().length === 0; waited += 5) await sleep(5);
    const [firstRun] = running();
    expect(firstRun?.pid).toBe(first.child.pid);

    const second = await importProcess(extract.accountsFile, databasePath).exited;
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(
      `Import of accounts from ${extract.accountsFile} not started: import #${firstRun!.id} (accounts, ${path.basename(extract.accountsFile)}, started `,
    );
    expect(second.stderr).toContain(`is still running in process ${first.child.pid}; imports run one at a time: wait for it to finish`);

    expect((await first.exited).code).toBe(0);
    const log = watcher.prepare('SELECT outcome, rows FROM imports ORDER BY id').all();
    expect(log, 'the refused import left no row of its own').toEqual([{ outcome: 'succeeded', rows: ACCOUNTS }]);
    expect(watcher.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(ACCOUNTS);
    watcher.close();
  });

  it('a run on another machine blocks while its heartbeat is recent, and no longer after ten minutes of silence', async () => {
    const other = (heartbeatAt: number) =>
      testDb()
        .$client.prepare(
          "INSERT INTO imports (kind, file_name, file_sha256, operator, started_at, heartbeat_at, outcome, pid, host) VALUES ('accounts', 'big.csv', '', 'ops', ?, ?, 'running', 4242, 'another-machine')",
        )
        .run(heartbeatAt - 3_600_000, heartbeatAt);
    const file = writeCsv('accounts.csv', `${ACCOUNTS_HEADER}\n555000001,postpaid,Kim Lee,98101,,,+12065559901,\n`);
    other(Date.now() - 60_000);
    await expect(importFile('accounts', file)).rejects.toThrow(
      /is still running in process 4242 on another-machine; imports run one at a time/,
    );
    testDb()
      .$client.prepare("UPDATE imports SET heartbeat_at = ? WHERE host = 'another-machine'")
      .run(Date.now() - 11 * 60_000);
    expect(await importFile('accounts', file)).toMatchObject({ outcome: 'succeeded', inserted: 1 });
  });
});
