// Exposures on PostgreSQL: COPY into a TEMP table, checked against the accounts in the database, then one plan of
// which rows are new or changed (counted there, as SQLite counts them) and one upsert over it.
import { reportExposureProblems } from '../whole-file-problems';
import { COPY_COLUMNS } from './copy-text';
import { CopyWriter } from './copy-writer';
import type { PgImportKind } from './pg-kind';
import { inRanges } from './ranges';
import { repeatedKeys } from './repeated-keys';

export const exposuresPg: PgImportKind = {
  async createStaging(client) {
    await client.query(
      'CREATE TEMP TABLE stage_exposures (line integer NOT NULL, account_number text NOT NULL, incident text NOT NULL, fields text NOT NULL)',
    );
    return new CopyWriter(client, 'stage_exposures', COPY_COLUMNS.exposures);
  },

  async checkStaged(client, errors) {
    await client.query('ANALYZE stage_exposures'); // TEMP tables get no statistics otherwise
    const unknown = await client.query<{ line: number; accountNumber: string }>(`SELECT s.line, s.account_number AS "accountNumber"
      FROM stage_exposures s WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.account_number = s.account_number) ORDER BY s.line`);
    reportExposureProblems(errors, await repeatedKeys(client, 'stage_exposures', ['account_number', 'incident']), unknown.rows);
  },

  async apply(client, chunkRows, onProgress) {
    await client.query(`CREATE TEMP TABLE plan_exposures AS
      SELECT row_number() OVER (ORDER BY a.id, s.incident COLLATE "C") AS n, a.id AS account_id, s.incident, s.fields,
        e.account_id IS NULL AS is_new, e.fields IS DISTINCT FROM s.fields AS changed
      FROM stage_exposures s LEFT JOIN accounts a ON a.account_number = s.account_number
        LEFT JOIN exposures e ON e.account_id = a.id AND e.incident_id = s.incident`);
    await client.query('CREATE UNIQUE INDEX ON plan_exposures (n)');
    await client.query('ANALYZE plan_exposures');
    const { total, found, inserted, changed } = (
      await client.query<{ total: number; found: number; inserted: number; changed: number }>(`SELECT count(*)::integer AS total,
        count(account_id)::integer AS found, count(*) FILTER (WHERE is_new)::integer AS inserted,
        count(*) FILTER (WHERE changed)::integer AS changed FROM plan_exposures`)
    ).rows[0]!;
    // Accounts are never deleted by the portal; if one vanished since the check, stop rather than skip rows.
    if (found !== total) throw new Error(`${total - found} accounts disappeared from the database during the import`);
    let written = 0;
    await inRanges(
      total,
      chunkRows,
      async (low, high) => {
        const upsert = await client.query(
          `INSERT INTO exposures AS e (account_id, incident_id, fields)
          SELECT p.account_id, p.incident, p.fields FROM plan_exposures p WHERE p.n > ${low} AND p.n <= ${high} AND p.changed ORDER BY p.n
          ON CONFLICT (account_id, incident_id) DO UPDATE SET fields = excluded.fields WHERE e.fields IS DISTINCT FROM excluded.fields`,
        );
        written += upsert.rowCount ?? 0;
      },
      (applied) => onProgress(applied, total),
    );
    if (written !== changed)
      throw new Error(`${Math.abs(changed - written)} exposures changed in the database while the import applied; run it again`);
    return { rows: total, inserted, updated: changed - inserted, unchanged: total - changed };
  },
};
