// Imports run one at a time, across processes: a second import started while one runs is refused with a sentence
// and changes nothing; the first completes as if alone. On either engine: the processes get its database in their env.
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { writeExtract } from '../db/generate/write-extract';
import { imports } from '../db/tables';
import { testDatabase } from '../tests/helpers/db';
import {
  ACCOUNTS_HEADER,
  accountsImportProcess,
  importFile,
  scratchDatabase,
  writeCsv,
  type ImportTarget,
} from '../tests/helpers/import-files';

const ACCOUNTS = 60_000;

function importProcess(file: string, target: ImportTarget) {
  const child = accountsImportProcess(file, target);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  return { child, exited };
}

describe('imports across processes', () => {
  it('refuse a second import while one runs, with a sentence naming it, and leave the first to finish', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(process.env.DATA_DIR!, 'one-import-'));
    const scratch = await scratchDatabase(dir);
    try {
      const extract = await writeExtract({ accounts: ACCOUNTS, seed: 21, outDir: dir });
      const running = () => scratch.rows<{ id: number; pid: number }>("SELECT id, pid FROM imports WHERE outcome = 'running'");

      const first = importProcess(extract.accountsFile, scratch.target);
      let runs: Array<{ id: number; pid: number }> = [];
      for (let waited = 0; waited < 60_000 && runs.length === 0; waited += 5) {
        await sleep(5);
        runs = await running();
      }
      const [firstRun] = runs;
      expect(firstRun?.pid).toBe(first.child.pid);

      const second = await importProcess(extract.accountsFile, scratch.target).exited;
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(
        `Import of accounts from ${extract.accountsFile} not started: import #${firstRun!.id} (accounts, ${path.basename(extract.accountsFile)}, started `,
      );
      expect(second.stderr).toContain(`is still running in process ${first.child.pid}; imports run one at a time: wait for it to finish`);

      expect((await first.exited).code).toBe(0);
      const log = await scratch.rows('SELECT outcome, rows FROM imports ORDER BY id');
      expect(log, 'the refused import left no row of its own').toEqual([{ outcome: 'succeeded', rows: ACCOUNTS }]);
      expect(await scratch.count('SELECT count(*) FROM accounts')).toBe(ACCOUNTS);
    } finally {
      await scratch.close();
    }
  });

  it('a run on another machine blocks while its heartbeat is recent, and no longer after ten minutes of silence', async () => {
    const other = (heartbeatAt: Date) =>
      testDatabase().run((q) =>
        q.insert(imports).values({
          kind: 'accounts',
          fileName: 'big.csv',
          fileSha256: '',
          operator: 'ops',
          startedAt: new Date(heartbeatAt.getTime() - 3_600_000),
          heartbeatAt,
          outcome: 'running',
          pid: 4242,
          host: 'another-machine',
        }),
      );
    const file = writeCsv('accounts.csv', `${ACCOUNTS_HEADER}\n555000001,postpaid,Kim Lee,98101,,,+12065559901,\n`);
    await other(new Date(Date.now() - 60_000));
    await expect(importFile('accounts', file)).rejects.toThrow(
      /is still running in process 4242 on another-machine; imports run one at a time/,
    );
    await testDatabase().run((q) =>
      q
        .update(imports)
        .set({ heartbeatAt: new Date(Date.now() - 11 * 60_000) })
        .where(eq(imports.host, 'another-machine')),
    );
    expect(await importFile('accounts', file)).toMatchObject({ outcome: 'succeeded', inserted: 1 });
  });
});
