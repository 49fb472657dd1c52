// Accounts on SQLite: staged sorted by account number in a TEMP table (sqlite-import.ts), the ones already in the
// database found in one pass, then upserted chunk by chunk with their lines; then the phone directory, by the second
// thread when every account is new (thread-directory.ts), else here.
import type Database from 'better-sqlite3';
import { COMPARED_COLUMNS, linePhone, lineRole, MARKED_LINE } from './account-changes';
import { applyInChunks } from './chunked-apply';
import type { Counts, ImportKind } from './import-kind';
import type { PhaseTimes } from './phase-times';
import { lastRowid, repeatedKeys } from './staging';
import { DIRECTORY_ENTRIES, sortDirectoryFile } from './thread-directory';
import { reportRepeatedAccounts } from './whole-file-problems';

const STAGE = 'temp.stage_accounts';

const fieldsDiffer = (existing: string, staged: string) =>
  `(${COMPARED_COLUMNS.map((column) => `${existing}.${column} IS NOT ${staged}.${column}`).join(' OR ')})`;

// A staged row's lines are one JSON array of marked lines (account-changes.ts). Existing account "a" against staged row "s".
const LINES_DIFFER = `(s.lines IS NOT (SELECT json_group_array(marked) FROM
  (SELECT ${MARKED_LINE} AS marked FROM main.account_lines WHERE account_id = a.id ORDER BY phone)))`;

// Rowid order of the sorted stage is account-number order (sqlite-import.ts).
const CHUNK = 's.rowid > @low AND s.rowid <= @high';
const NOW = `CAST(unixepoch('subsec') * 1000 AS INTEGER)`;

export const accountsKind: ImportKind = {
  kind: 'accounts',

  checkStaged(sqlite, errors, fileLines) {
    reportRepeatedAccounts(errors, repeatedKeys(sqlite, 'stage_accounts', ['account_number'], fileLines));
  },

  async apply(sqlite, chunkRows, onProgress, phases, directoryFile) {
    const counts: Counts = { rows: 0, inserted: 0, updated: 0, unchanged: 0 };
    // AUTOINCREMENT ids only grow, so the rows inserted by a chunk are exactly those above the largest id before it.
    const newestId = sqlite.prepare('SELECT coalesce(max(id), 0) FROM main.accounts').pluck();
    const insertedSince = sqlite.prepare('SELECT count(*) FROM main.accounts WHERE id > ?').pluck();
    const newAbove = newestId.get() as number;
    phases.time('accounts: finding the existing ones', () => findExistingAccounts(sqlite));
    const wholeDirectory = anotherImportUnfinished(sqlite);
    const allNew = (sqlite.prepare('SELECT count(*) FROM temp.existing_accounts').pluck().get() as number) === 0;
    // Every account new: another thread sorts their phone directory meanwhile (thread-directory.ts).
    const sorting = directoryFile && allNew && !wholeDirectory ? sortDirectoryFile(directoryFile) : null;
    /** The first new id less one, less the rank of the first row: while every chunk's ids follow on, one number. */
    let base: number | null = null;
    let idsFollowRanks = true;
    const changedLines = 'FROM temp.existing_accounts WHERE n > @low AND n <= @high AND lines_changed';
    const countChangedLines = sqlite.prepare(`SELECT count(*) ${changedLines}`).pluck();
    // The lines about to go are kept so the phone directory can drop those not re-added (second pass).
    sqlite.exec('CREATE TABLE temp.dropped_lines (account_id INTEGER NOT NULL, phone TEXT NOT NULL)');
    const keepDroppedLines = sqlite.prepare(`INSERT INTO temp.dropped_lines SELECT account_id, phone FROM main.account_lines
      WHERE account_id IN (SELECT account_id ${changedLines})`);
    const dropChangedLines = sqlite.prepare(`DELETE FROM main.account_lines WHERE account_id IN (SELECT account_id ${changedLines})`);
    // An account left without lines is one whose phones just changed: that alone counts as an update.
    const upsert = sqlite.prepare(`INSERT INTO main.accounts (account_number, account_type, holder_name, billing_zip,
        billing_address, email, birth_date, language, updated_at)
      SELECT account_number, account_type, holder_name, billing_zip, billing_address, email, birth_date, language, ${NOW}
      FROM ${STAGE} s WHERE ${CHUNK} ORDER BY s.rowid
      ON CONFLICT (account_number) DO UPDATE SET account_type = excluded.account_type, holder_name = excluded.holder_name,
        billing_zip = excluded.billing_zip, billing_address = excluded.billing_address, email = excluded.email,
        birth_date = excluded.birth_date, language = excluded.language, updated_at = excluded.updated_at
      WHERE ${fieldsDiffer('accounts', 'excluded')}
        OR NOT EXISTS (SELECT 1 FROM main.account_lines l WHERE l.account_id = accounts.id)`);
    const insertLines = sqlite.prepare(`INSERT INTO main.account_lines (account_id, phone, role)
      SELECT a.id, ${linePhone('p.value')}, ${lineRole('p.value')}
      FROM ${STAGE} s JOIN main.accounts a ON a.account_number = s.account_number, json_each(s.lines) p
      WHERE ${CHUNK} AND (a.id > @before OR NOT EXISTS (SELECT 1 FROM main.account_lines l WHERE l.account_id = a.id))`);
    // A chunk of new accounts only (every chunk of an import into an empty table): the upsert gave them consecutive
    // ids in staged order, so each row's id follows from its place, without looking each account up by its number.
    const insertNewAccountsLines = sqlite.prepare(`INSERT INTO main.account_lines (account_id, phone, role)
      SELECT @base + s.rowid, ${linePhone('p.value')}, ${lineRole('p.value')} FROM ${STAGE} s, json_each(s.lines) p WHERE ${CHUNK}`);
    const applyChunk = sqlite.transaction((range: { low: number; high: number }) => {
      const before = newestId.get() as number;
      if ((countChangedLines.get(range) as number) > 0) {
        phases.time('accounts: dropping changed lines', () => {
          keepDroppedLines.run(range);
          dropChangedLines.run(range);
        });
      }
      const { changes } = phases.time('accounts: upsert', () => upsert.run(range)); // inserted + updated
      const inserted = insertedSince.get(before) as number;
      const total = range.high - range.low;
      phases.time('accounts: lines', () => {
        if (inserted === total) {
          const chunkBase = (newestId.get() as number) - total - range.low;
          insertNewAccountsLines.run({ ...range, base: chunkBase });
          if (base === null) base = chunkBase;
          else if (chunkBase !== base) idsFollowRanks = false;
        } else {
          insertLines.run({ ...range, before });
          idsFollowRanks = false;
        }
      });
      counts.rows += total;
      counts.inserted += inserted;
      counts.updated += changes - inserted;
      counts.unchanged += total - changes;
    });

    const last = lastRowid(sqlite, 'stage_accounts');
    // About 5 µs an account with its lines: 100 ms.
    await applyInChunks(sqlite, last, chunkRows, applyChunk.immediate, () => onProgress(counts.rows), {
      phases,
      name: 'accounts',
      firstRows: 20_000,
      more: true, // the directory's pass follows
    });
    if (sorting && directoryFile && idsFollowRanks) {
      const waiting = performance.now();
      phases.add('directory: sorting the new entries (another thread)', await sorting.done);
      phases.add('directory: waiting for that sort', performance.now() - waiting);
      if (base !== null) {
        sqlite.prepare('ATTACH ? AS new_directory').run(directoryFile);
        try {
          const entries = { table: `new_directory.${DIRECTORY_ENTRIES}`, accountId: '@base + rank', removals: false };
          await writeDirectory(sqlite, entries, { base }, chunkRows, onProgress, phases);
        } finally {
          sqlite.exec('DETACH new_directory');
        }
      }
    } else {
      await sorting?.stop();
      await applyPhoneDirectory(sqlite, newAbove, wholeDirectory, chunkRows, onProgress, phases);
    }
    return counts;
  },
};

/**
 * Another accounts import still on record as running died part way (or runs now): its changes to the directory may
 * be missing, and this file may not hold those accounts, so the whole directory is brought in line instead.
 */
function anotherImportUnfinished(sqlite: Database.Database): boolean {
  return (sqlite.prepare("SELECT count(*) FROM main.imports WHERE kind = 'accounts' AND outcome = 'running'").pluck().get() as number) > 1;
}

/**
 * The staged rows whose account is already in the database, by staged row (n), and whether the file changes its
 * lines: found in one pass before the first write transaction, so that the transactions only write. Only an import
 * writes lines, one import at a time, so they cannot change meanwhile.
 */
function findExistingAccounts(sqlite: Database.Database): void {
  sqlite.exec('CREATE TABLE temp.existing_accounts (n INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, lines_changed INTEGER NOT NULL)');
  if (!sqlite.prepare('SELECT EXISTS (SELECT 1 FROM main.accounts)').pluck().get()) return; // the first import: none
  sqlite.exec(`INSERT INTO temp.existing_accounts SELECT s.rowid, a.id, ${LINES_DIFFER} FROM ${STAGE} s
    JOIN main.accounts a ON a.account_number = s.account_number ORDER BY s.rowid`);
}

/**
 * Second pass: the phone directory (db/schema.ts) brought in line with account_lines for every staged account, in
 * phone order so its index is written in sequence. Entries already present are left alone, so re-running a file
 * also completes a directory an interrupted import left short; after an interruption any file does.
 */
async function applyPhoneDirectory(
  sqlite: Database.Database,
  /** The largest account id before this import: the new accounts' ids are above it. */
  newAbove: number,
  wholeDirectory: boolean,
  chunkRows: number | undefined,
  onProgress: (applied: number, total: number, phase: 'phones') => void,
  phases: PhaseTimes,
): Promise<void> {
  const notOnTheAccount = (alias: string) =>
    `NOT EXISTS (SELECT 1 FROM main.account_lines l WHERE l.account_id = ${alias}.account_id AND l.phone = ${alias}.phone)`;
  const changes = wholeDirectory
    ? `SELECT phone, account_id, 1 AS present FROM main.account_lines
      UNION ALL SELECT d.phone, d.account_id, 0 FROM main.phone_directory d WHERE ${notOnTheAccount('d')}`
    : // Every staged account's lines: those of the new accounts (ids above any there was before), then the others'.
      `SELECT phone, account_id, 1 AS present FROM main.account_lines WHERE account_id > ${Number(newAbove)}
      UNION ALL SELECT l.phone, l.account_id, 1 FROM temp.existing_accounts e JOIN main.account_lines l ON l.account_id = e.account_id
      UNION ALL SELECT d.phone, d.account_id, 0 FROM temp.dropped_lines d WHERE ${notOnTheAccount('d')}`;
  phases.time('directory: sorting the changes', () =>
    sqlite.exec(`CREATE TABLE temp.directory_changes AS SELECT phone, account_id, present FROM (${changes}) ORDER BY phone, account_id`),
  );
  const changesTable = { table: 'temp.directory_changes', accountId: 'account_id', removals: true };
  await writeDirectory(sqlite, changesTable, {}, chunkRows, onProgress, phases);
}

/**
 * Brings the directory in line with a table of entries in (phone, account_id) order, rowid 1 up, in short write
 * transactions: adds those present; with removals, the table's `present` column is 0 for entries to drop.
 */
async function writeDirectory(
  sqlite: Database.Database,
  entries: { table: string; accountId: string; removals: boolean },
  params: Record<string, number>,
  chunkRows: number | undefined,
  onProgress: (applied: number, total: number, phase: 'phones') => void,
  phases: PhaseTimes,
): Promise<void> {
  const { table, accountId, removals } = entries;
  const range = 'rowid > @low AND rowid <= @high';
  const add = sqlite.prepare(`INSERT OR IGNORE INTO main.phone_directory (phone, account_id)
    SELECT phone, ${accountId} FROM ${table} WHERE ${range}${removals ? ' AND present = 1' : ''}`);
  const remove = removals
    ? sqlite.prepare(`DELETE FROM main.phone_directory WHERE (phone, account_id) IN
      (SELECT phone, account_id FROM ${table} WHERE ${range} AND present = 0)`)
    : null;
  const applyChunk = sqlite.transaction((chunk: { low: number; high: number }) => {
    add.run({ ...params, ...chunk });
    remove?.run(chunk);
  });
  const total = sqlite.prepare(`SELECT coalesce(max(rowid), 0) FROM ${table}`).pluck().get() as number;
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
    { phases, name: 'directory', firstRows: 100_000 }, // about 0.5 µs an entry: 50 ms
  );
}
