// Exposures on SQLite: staged sorted in a TEMP table (sqlite-import.ts), checked against the accounts in the database,
// then upserted in chunks.
import { applyInChunks } from './chunked-apply';
import type { Counts, ImportKind } from './import-kind';
import { lastRowid, repeatedKeys } from './staging';
import { reportExposureProblems } from './whole-file-problems';

const STAGE = 'temp.stage_exposures';
const CHUNK = 's.rowid > @low AND s.rowid <= @high';
const JOIN_ACCOUNT = 'JOIN main.accounts a ON a.account_number = s.account_number';

export const exposuresKind: ImportKind = {
  kind: 'exposures',

  checkStaged(sqlite, errors, fileLines) {
    const key = ['account_number', 'incident'];
    const unknown = sqlite.prepare(`SELECT s.seq, s.account_number FROM ${STAGE} s
      WHERE NOT EXISTS (SELECT 1 FROM main.accounts a WHERE a.account_number = s.account_number)`);
    const unknownAccounts = (unknown.all() as Array<{ seq: number; account_number: string }>).map(({ seq, account_number }) => ({
      line: fileLines.lineOf(seq),
      accountNumber: account_number,
    }));
    reportExposureProblems(errors, repeatedKeys(sqlite, 'stage_exposures', key, fileLines), unknownAccounts);
  },

  async apply(sqlite, chunkRows, onProgress, phases) {
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
    await applyInChunks(
      sqlite,
      lastRowid(sqlite, 'stage_exposures'),
      chunkRows,
      applyChunk.immediate,
      () => onProgress(counts.rows),
      { phases, name: 'exposures', firstRows: 10_000 }, // about 6 µs an exposure: 60 ms
    );
    return counts;
  },
};
