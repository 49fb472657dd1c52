// Exposures: staged in a TEMP table, checked against the accounts in the database, then upserted in rowid chunks.
import { canonicalExposureRow, EXPOSURE_COLUMNS, exposureRowSchema, type ExposureRow } from './exposure-row';
import { applyInChunks } from './chunked-apply';
import type { Counts, ImportKind } from './import-kind';

const STAGE = 'temp.stage_exposures';
const CHUNK = 's.rowid > @low AND s.rowid <= @high';
const JOIN_ACCOUNT = 'JOIN main.accounts a ON a.account_number = s.account_number';

export const exposuresKind: ImportKind<ExposureRow> = {
  kind: 'exposures',
  columns: EXPOSURE_COLUMNS,
  schema: exposureRowSchema,
  fastPath: canonicalExposureRow,

  createStaging(sqlite) {
    sqlite.exec(`DROP TABLE IF EXISTS ${STAGE};
      CREATE TABLE ${STAGE} (line INTEGER NOT NULL, account_number TEXT NOT NULL, incident TEXT NOT NULL, fields TEXT NOT NULL)`);
    const insert = sqlite.prepare(`INSERT INTO ${STAGE} VALUES (?, ?, ?, ?)`);
    return (row, line) => {
      insert.run(line, row.account_number, row.incident, row.fields);
    };
  },

  checkStaged(sqlite, errors) {
    sqlite.exec(`CREATE INDEX temp.stage_exposures_key ON stage_exposures (account_number, incident, line)`);
    const repeats = sqlite.prepare(`SELECT s.line, s.account_number, s.incident, d.first FROM ${STAGE} s JOIN
      (SELECT account_number, incident, min(line) AS first FROM ${STAGE} GROUP BY account_number, incident HAVING count(*) > 1) d
      USING (account_number, incident) WHERE s.line > d.first`);
    const unknown = sqlite.prepare(`SELECT s.line, s.account_number, NULL AS incident, NULL AS first FROM ${STAGE} s
      WHERE NOT EXISTS (SELECT 1 FROM main.accounts a WHERE a.account_number = s.account_number)`);
    type Problem = { line: number; account_number: string; incident: string | null; first: number | null };
    const problems = [...(repeats.all() as Problem[]), ...(unknown.all() as Problem[])].sort((x, y) => x.line - y.line);
    for (const { line, account_number, incident, first } of problems) {
      if (first === null) errors.add(line, 'account_number', `no account ${account_number} in the database (import the accounts file first)`);
      else errors.add(line, 'incident', `${account_number} in ${incident} is already on line ${first}`);
    }
  },

  apply(sqlite, chunkRows, onProgress) {
    const counts: Counts = { rows: 0, inserted: 0, updated: 0, unchanged: 0 };
    const classify = sqlite.prepare(`SELECT count(*) AS total, count(a.id) AS found, count(e.account_id) AS existing,
      coalesce(sum(e.fields IS NOT s.fields), 0) - (count(a.id) - count(e.account_id)) AS changed
      FROM ${STAGE} s LEFT JOIN main.accounts a ON a.account_number = s.account_number
      LEFT JOIN main.exposures e ON e.account_id = a.id AND e.incident_id = s.incident WHERE ${CHUNK}`);
    const upsert = sqlite.prepare(`INSERT INTO main.exposures (account_id, incident_id, fields)
      SELECT a.id, s.incident, s.fields FROM ${STAGE} s ${JOIN_ACCOUNT} WHERE ${CHUNK}
      ON CONFLICT (account_id, incident_id) DO UPDATE SET fields = excluded.fields WHERE exposures.fields IS NOT excluded.fields`);
    const applyChunk = sqlite.transaction((range: { low: number; high: number }) => {
      const { total, found, existing, changed } = classify.get(range) as Record<string, number>;
      // Accounts are never deleted by the portal; if one vanished since the check, stop rather than skip rows.
      if (found !== total) throw new Error(`${total! - found!} accounts disappeared from the database during the import`);
      upsert.run(range);
      counts.rows += total!;
      counts.inserted += total! - existing!;
      counts.updated += changed!;
      counts.unchanged += existing! - changed!;
    });
    const { last } = sqlite.prepare(`SELECT coalesce(max(rowid), 0) AS last FROM ${STAGE}`).get() as { last: number };
    applyInChunks(last, chunkRows, applyChunk.immediate, () => onProgress(counts.rows));
    return counts;
  },
};
