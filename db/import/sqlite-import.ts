// An import's steps on SQLite: its own connection, the file read in a second thread (read-in-worker.ts) and its
// valid rows sorted straight into a TEMP table (never a lock on the main database while reading), then applied in
// short write transactions (chunked-apply.ts), the phone directory of new accounts sorted by another thread meanwhile.
import type Database from 'better-sqlite3';
import { openDatabase } from '../client';
import { sqliteDatabase } from '../database.sqlite';
import { readyDatabase } from '../seed/seed';
import { accountsKind } from './accounts-kind';
import type { EngineImport } from './engine-import';
import { exposuresKind } from './exposures-kind';
import type { ImportKind } from './import-kind';
import type { ImportKindName } from './import-options';
import { PhaseTimes } from './phase-times';
import { ImportThread, type ReadDone } from './read-in-worker';
import { STAGED, StagedLines } from './staged-rows';
import { directoryScratchFile, removeDirectoryScratchFile } from './thread-directory';

// Rows stay opaque here: each kind checks and applies its own.
const KINDS: Record<ImportKindName, ImportKind> = {
  accounts: accountsKind,
  exposures: exposuresKind,
};

/** The virtual table the reading thread's rows come through (better-sqlite3's table(), fed by a generator). */
const INCOMING = 'incoming_rows';

export async function openSqliteImport(
  kindName: ImportKindName,
  databasePath: string,
  phases: PhaseTimes = new PhaseTimes(),
): Promise<EngineImport> {
  const kind = KINDS[kindName];
  // Started first: it loads the parser and the schemas while this thread opens the database.
  const thread = new ImportThread();
  const db = openDatabase(databasePath);
  const sqlite = db.$client;
  const database = sqliteDatabase(db);
  try {
    await readyDatabase(database);
  } catch (error) {
    sqlite.close();
    await thread.release();
    throw error;
  }
  tuneForImport(sqlite);
  // While the rows are being sorted in, the connection is inside one statement: nothing else can go through it.
  let staging = false;
  let fileLines = new StagedLines();
  // For accounts: what the phone directory of new accounts needs, kept by the reading thread (thread-directory.ts).
  const directoryFile = kindName === 'accounts' ? directoryScratchFile(databasePath) : null;
  return {
    database,
    canWriteAside: () => !staging && !sqlite.inTransaction,
    async stageFile(file, errors, progress, onProgress) {
      const { table, columns, key } = STAGED[file.kind];
      const reader = thread.read(file, 'staged-values', { progress, onProgress }, directoryFile);
      const end: { done?: ReadDone } = {};
      const row: unknown[] = new Array(columns.length);
      sqlite.table(INCOMING, {
        columns: columns.map(([name]) => name),
        // better-sqlite3 copies each row out, so one array serves them all.
        *rows() {
          for (;;) {
            const message = reader.take();
            if (message.type === 'done') {
              end.done = message;
              return;
            }
            const { values } = message;
            for (let i = 0; i < values.length; i += columns.length) {
              for (let j = 0; j < columns.length; j++) row[j] = values[i + j];
              yield row;
            }
          }
        },
      });
      staging = true;
      try {
        // One statement reads every row through SQLite's sorter into the table, in (key, seq) order, which is (key,
        // line) order: the rows are written once, already sorted, instead of staged in file order and copied again.
        sqlite.exec(`CREATE TABLE temp.${table} (seq INTEGER NOT NULL, ${columns.map(([name, type]) => `${name} ${type}`).join(', ')});
          INSERT INTO temp.${table} SELECT rowid, * FROM ${INCOMING} ORDER BY ${key.join(', ')}, rowid`);
      } finally {
        staging = false;
      }
      const { done } = end;
      if (!done) throw new Error('the reading thread ended without finishing the file');
      phases.add('reading: main thread waiting for the reader', reader.waitedMs);
      phases.add('reading: reader waiting for the main thread', done.waitedMs);
      errors.takeOver(done.errors);
      fileLines = new StagedLines(done.lineSteps);
      return { sha256: done.sha256, complete: done.complete };
    },
    async checkStaged(errors) {
      kind.checkStaged(sqlite, errors, fileLines);
    },
    apply(chunkRows, onProgress) {
      // Applying writes every index in key order: half the cache the sort had is plenty, and the memory goes to the
      // directory's sort in another thread meanwhile.
      sqlite.pragma('cache_size = -16384');
      return kind.apply(sqlite, chunkRows, onProgress, phases, directoryFile);
    },
    async abort() {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    },
    async close() {
      await thread.release();
      sqlite.close(); // also drops the TEMP staging tables
      if (directoryFile) removeDirectoryScratchFile(directoryFile);
    },
  };
}

function tuneForImport(sqlite: Database.Database): void {
  sqlite.pragma('temp_store = FILE'); // the staged file can be larger than memory should be
  // 32 MB while reading: SQLite sorts in runs of the main cache's size, and fewer runs merge in one pass
  sqlite.pragma('cache_size = -32768');
  sqlite.pragma('temp.cache_size = -8192'); // 8 MB: staging is written and read in order, so a small cache loses little
  sqlite.pragma('wal_autocheckpoint = 0'); // checkpoints run between chunks instead, outside the timed transactions
}
