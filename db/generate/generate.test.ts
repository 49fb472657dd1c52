import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditKeys } from '../../app/services/audit.server';
import { runImport } from '../import/run-import';
import { writeExtract } from './write-extract';

const out = () => mkdtempSync(path.join(process.env.DATA_DIR ?? tmpdir(), 'generate-test-'));

describe('synthetic extract', () => {
  it('is byte-identical for the same seed, plain or gzip, and differs for another seed', async () => {
    for (const gzip of [false, true]) {
      const [a, b] = [
        await writeExtract({ accounts: 3000, seed: 5, outDir: out(), gzip }),
        await writeExtract({ accounts: 3000, seed: 5, outDir: out(), gzip }),
      ];
      expect(readFileSync(a.accountsFile).equals(readFileSync(b.accountsFile))).toBe(true);
      expect(readFileSync(a.exposuresFile).equals(readFileSync(b.exposuresFile))).toBe(true);
    }
    const [a, c] = [
      await writeExtract({ accounts: 100, seed: 5, outDir: out() }),
      await writeExtract({ accounts: 100, seed: 6, outDir: out() }),
    ];
    expect(readFileSync(a.accountsFile, 'utf8')).not.toBe(readFileSync(c.accountsFile, 'utf8'));
  });

  it('has the incidents in realistic shares and imports cleanly', async () => {
    const extract = await writeExtract({ accounts: 20_000, seed: 9, outDir: out(), gzip: true });
    const databasePath = process.env.DATABASE_PATH!;
    const accounts = await runImport({ kind: 'accounts', file: extract.accountsFile, databasePath, operator: 'test', audit: auditKeys() });
    expect(accounts).toMatchObject({ outcome: 'succeeded', rows: 20_000, errorCount: 0 });
    const imported = await runImport({
      kind: 'exposures',
      file: extract.exposuresFile,
      databasePath,
      operator: 'test',
      audit: auditKeys(),
    });
    expect(imported).toMatchObject({ outcome: 'succeeded', rows: extract.exposureRows, errorCount: 0 });
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(databasePath, { readonly: true });
    const share = (incident: string) =>
      (db.prepare('SELECT count(*) AS n FROM exposures WHERE incident_id = ?').get(incident) as { n: number }).n / 20_000;
    expect(share('2018-08-api')).toBeGreaterThan(0.022);
    expect(share('2018-08-api')).toBeLessThan(0.032);
    expect(share('2019-11-prepaid')).toBeGreaterThan(0.005);
    expect(share('2020-03-email-vendor')).toBeLessThan(share('2019-11-prepaid'));
    const partial = db
      .prepare(
        "SELECT count(*) AS n FROM exposures WHERE incident_id = '2018-08-api' AND fields <> 'name;billing_zip;phone_number;email_address;account_number;account_type'",
      )
      .get() as { n: number };
    expect(partial.n).toBeGreaterThan(0);
    const prepaidOnly = db
      .prepare(
        "SELECT count(*) AS n FROM exposures e JOIN accounts a ON a.id = e.account_id WHERE e.incident_id = '2019-11-prepaid' AND a.account_type <> 'prepaid'",
      )
      .get() as { n: number };
    expect(prepaidOnly.n).toBe(0);
    db.close();
  });
});
