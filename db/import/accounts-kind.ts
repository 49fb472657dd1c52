// Accounts on SQLite: staged in a TEMP table, sorted by account number, then upserted chunk by chunk with their lines.
import type Database from 'better-sqlite3';
import { COMPARED_COLUMNS, linePhone, lineRole, MARKED_LINE, markedLines } from './account-changes';
import type { AccountRow } from './account-row';
import { applyInChunks } from './chunked-apply';
import type { Counts, ImportKind } from './import-kind';
import { lastRowid, repeatedKeys, sortStaged, StagingWriter } from './staging';
import { reportRepeatedAccounts } from './whole-file-problems';

const STAGE = 'temp.stage_accounts';

const fieldsDiffer = (existing: string, staged: string) =>
  `(${COMPARED_COLUMNS.map((column) => `${existing}.${column} IS NOT ${staged}.${column}`).join(' OR ')})`;

// A staged row's lines are one JSON array of marked lines (account-changes.ts). Existing account "a" against staged row "s".
const LINES_DIFFER = `(s.lines IS NOT (SELECT json_group_array(marked) FROM
  (SELECT ${MARKED_LINE} AS marked FROM main.account_lines WHERE account_id = a.id ORDER BY phone)))`;

// Rowid order of the sorted stage is account-number order (staging.ts).
const CHUNK = 's.rowid > @low AND s.rowid <= @high';
const NOW = `CAST(unixepoch('subsec') * 1000 AS INTEGER)`;

export const accountsKind: ImportKind<AccountRow> = {
  kind: 'accounts',

  createStaging(sqlite) {
    sqlite.exec(`CREATE TABLE ${STAGE}_raw (line INTEGER NOT NULL, account_number TEXT NOT NULL, account_type TEXT NOT NULL,
        holder_name TEXT NOT NULL, billing_zip TEXT NOT NULL, billing_address TEXT, email TEXT,
        lines TEXT NOT NULL, birth_date TEXT, language TEXT NOT NULL)`);
    const writer = new StagingWriter(sqlite, 'stage_accounts_raw', 10);
    return {
      add(row, line) {
        writer.params.push(
          line,
          row.account_number,
          row.account_type,
          row.holder_name,
          row.billing_zip,
          row.billing_address,
          row.email,
          JSON.stringify(markedLines(row)),
          row.birth_date,
          row.language,
        );
        writer.added();
      },
      flush: () => writer.flush(),
    };
  },

  checkStaged(sqlite, errors) {
    sortStaged(sqlite, 'stage_accounts', ['account_number']);
    reportRepeatedAccounts(errors, repeatedKeys(sqlite, 'stage_accounts', ['account_number']));
  },

  async apply(sqlite, chunkRows, onProgress) {
    const counts: Counts = { rows: 0, inserted: 0, updated: 0, unchanged: 0 };
    // AUTOINCREMENT ids only grow, so the rows inserted by a chunk are exactly those above the largest id before it.
    const newestId = sqlite.prepare('SELECT coalesce(max(id), 0) FROM main.accounts').pluck();
    const insertedSince = sqlite.prepare('SELECT count(*) FROM main.accounts WHERE id > ?').pluck();
    const changedAccounts = `SELECT a.id FROM ${STAGE} s JOIN main.accounts a ON a.account_number = s.account_number
      WHERE ${CHUNK} AND ${LINES_DIFFER}`;
    // The lines about to go are kept so the phone directory can drop those not re-added (second pass).
    sqlite.exec('CREATE TABLE temp.dropped_lines (account_id INTEGER NOT NULL, phone TEXT NOT NULL)');
    const keepDroppedLines = sqlite.prepare(`INSERT INTO temp.dropped_lines SELECT account_id, phone FROM main.account_lines
      WHERE account_id IN (${changedAccounts})`);
    const dropChangedLines = sqlite.prepare(`DELETE FROM main.account_lines WHERE account_id IN (${changedAccounts})`);
    // An account left without lines is one whose phones just changed: that alone counts as an update.
    const upsert = sqlite.prepare(`INSERT INTO main.accounts (account_number, account_type, holder_name, billing_zip,
        billing_address, email, birth_date, language, updated_at)
      SELECT account_number, account_type, holder_name, billing_zip, billing_address, email, birth_date, language, ${NOW}
      FROM ${STAGE} s WHERE ${CHUNK}
      ON CONFLICT (account_number) DO UPDATE SET account_type = excluded.account_type, holder_name = excluded.holder_name,
        billing_zip = excluded.billing_zip, billing_address = excluded.billing_address, email = excluded.email,
        birth_date = excluded.birth_date, language = excluded.language, updated_at = excluded.updated_at
      WHERE ${fieldsDiffer('accounts', 'excluded')}
        OR NOT EXISTS (SELECT 1 FROM main.account_lines l WHERE l.account_id = accounts.id)`);
    const insertLines = sqlite.prepare(`INSERT INTO main.account_lines (account_id, phone, role)
      SELECT a.id, ${linePhone('p.value')}, ${lineRole('p.value')}
      FROM ${STAGE} s JOIN main.accounts a ON a.account_number = s.account_number, json_each(s.lines) p
      WHERE ${CHUNK} AND (a.id > @before OR NOT EXISTS (SELECT 1 FROM main.account_lines l WHERE l.account_id = a.id))`);
    const applyChunk = sqlite.transaction((range: { low: number; high: number }) => {
      const before = newestId.get() as number;
      keepDroppedLines.run(range);
      dropChangedLines.run(range);
      const { changes } = upsert.run(range); // inserted + updated
      const inserted = insertedSince.get(before) as number;
      insertLines.run({ ...range, before });
      const total = range.high - range.low;
      counts.rows += total;
      counts.inserted += inserted;
      counts.updated += changes - inserted;
      counts.unchanged += total - changes;
    });

    await applyInChunks(sqlite, lastRowid(sqlite, 'stage_accounts'), chunkRows, applyChunk.immediate, () => onProgress(counts.rows));
    await applyPhoneDirectory(sqlite, chunkRows, onProgress);
    return counts;
  },
};

/**
 * Second pass: the phone directory (db/schema.ts) brought in line with account_lines for every staged account, in
 * phone order so its index is written in sequence. Entries already present are left alone, so re-running a file
 * also completes a directory an interrupted import left short; after an interruption any file does.
 */
async function applyPhoneDirectory(
  sqlite: Database.Database,
  chunkRows: number | undefined,
  onProgress: (applied: number, total: number, phase: 'phones') => void,
): Promise<void> {
  // SQLite's sorter may hold as much as the main cache in memory; this pass writes in order, so a small cache
  // loses nothing and keeps the sort's memory (and the import's peak RSS) down.
  sqlite.pragma('cache_size = -16384');
  const notOnTheAccount = (alias: string) =>
    `NOT EXISTS (SELECT 1 FROM main.account_lines l WHERE l.account_id = ${alias}.account_id AND l.phone = ${alias}.phone)`;
  // Another accounts import still on record as running died part way (or runs now): its changes to the directory
  // may be missing, and this file may not hold those accounts, so the whole directory is brought in line instead.
  const wholeDirectory =
    (sqlite.prepare("SELECT count(*) FROM main.imports WHERE kind = 'accounts' AND outcome = 'running'").pluck().get() as number) > 1;
  const changes = wholeDirectory
    ? `SELECT phone, account_id, 1 AS present FROM main.account_lines
      UNION ALL SELECT d.phone, d.account_id, 0 FROM main.phone_directory d WHERE ${notOnTheAccount('d')}`
    : `SELECT ${linePhone('p.value')} AS phone, a.id AS account_id, 1 AS present
        FROM ${STAGE} s JOIN main.accounts a ON a.account_number = s.account_number, json_each(s.lines) p
      UNION ALL SELECT d.phone, d.account_id, 0 FROM temp.dropped_lines d WHERE ${notOnTheAccount('d')}`;
  sqlite.exec(`CREATE TABLE temp.directory_changes AS SELECT phone, account_id, present FROM (${changes}) ORDER BY phone, account_id`);
  const range = 'rowid > @low AND rowid <= @high';
  const add = sqlite.prepare(`INSERT OR IGNORE INTO main.phone_directory (phone, account_id)
    SELECT phone, account_id FROM temp.directory_changes WHERE ${range} AND present = 1`);
  const remove = sqlite.prepare(`DELETE FROM main.phone_directory WHERE (phone, account_id) IN
    (SELECT phone, account_id FROM temp.directory_changes WHERE ${range} AND present = 0)`);
  const applyChunk = sqlite.transaction((chunk: { low: number; high: number }) => {
    add.run(chunk);
    remove.run(chunk);
  });
  const total = lastRowid(sqlite, 'directory_changes');
  let applied = 0;
  await applyInChunks(
    sqlite,
    total,
    chunkRows,
    (chunk) => {
      applyChunk.immediate(chunk);
      applied = chunk.high;
    },
    () => onProgress(applied, total, 'phones'),
  );
}
