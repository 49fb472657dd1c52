import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getConfig } from '../../app/config.server';
import { auditKeys } from '../../app/services/audit.server';
import { testDatabase } from '../../tests/helpers/db';
import { runImport } from '../import/run-import';
import { accounts, exposures } from '../tables';
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
    // The worker's own database: its SQLite file, or on PostgreSQL its database.
    const { databasePath, databaseUrl } = getConfig();
    const target = { databasePath, databaseUrl, operator: 'test', audit: auditKeys() };
    const imported = await runImport({ kind: 'accounts', file: extract.accountsFile, ...target });
    expect(imported).toMatchObject({ outcome: 'succeeded', rows: 20_000, errorCount: 0 });
    const exposed = await runImport({ kind: 'exposures', file: extract.exposuresFile, ...target });
    expect(exposed).toMatchObject({ outcome: 'succeeded', rows: extract.exposureRows, errorCount: 0 });
    const db = testDatabase();
    const share = async (incident: string) =>
      (await db.get((q) => q.select({ n: count() }).from(exposures).where(eq(exposures.incidentId, incident))))!.n / 20_000;
    expect(await share('2018-08-api')).toBeGreaterThan(0.022);
    expect(await share('2018-08-api')).toBeLessThan(0.032);
    expect(await share('2019-11-prepaid')).toBeGreaterThan(0.005);
    expect(await share('2020-03-email-vendor')).toBeLessThan(await share('2019-11-prepaid'));
    const partial = await db.get((q) =>
      q
        .select({ n: count() })
        .from(exposures)
        .where(
          and(
            eq(exposures.incidentId, '2018-08-api'),
            ne(exposures.fields, 'name;billing_zip;phone_number;email_address;account_number;account_type'),
          ),
        ),
    );
    expect(partial!.n).toBeGreaterThan(0);
    const prepaidOnly = await db.get((q) =>
      q
        .select({ n: count() })
        .from(exposures)
        .innerJoin(accounts, eq(accounts.id, exposures.accountId))
        .where(and(eq(exposures.incidentId, '2019-11-prepaid'), ne(accounts.accountType, 'prepaid'))),
    );
    expect(prepaidOnly!.n).toBe(0);
  });
});
