// The phone directory of an accounts import whose accounts are all new, sorted off the main thread while it applies
// the accounts: sorting 3.3 M entries by phone was a fifth of the main thread's work. The reading thread keeps each
// valid row's number and lines in a scratch file as it reads them (DirectoryRows); a thread of lower priority sorts
// them there (sortDirectoryFile), so that the main thread's write transactions keep a core when the machine is busy;
// the main thread then writes the entries from that file (accounts-kind.ts) and deletes it.
//
// A staged row's rank in account number order is its rowid in the main thread's sorted stage (the file has no number
// twice, or nothing is applied), and new accounts get consecutive ids in that order: an entry's account id is the id
// before the first new one plus its rank. The main thread checks that the ids came out so before using the file.
import { closeSync, openSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { processAlive } from '../process-alive';

const PREFIX = 'import-directory-';
const ROWS_PER_STATEMENT = 64;
let made = 0;

/**
 * A new scratch file's path for this process, beside the database: it holds account numbers and phones, so it gets
 * the database's folder and owner-only permissions, not the machine's shared temp folder. Files an import killed part
 * way left behind are removed first.
 */
export function directoryScratchFile(databasePath: string): string {
  const directory = path.dirname(path.resolve(databasePath));
  const prefix = `.${path.basename(databasePath)}-${PREFIX}`;
  for (const name of readdirSync(directory)) {
    const pid = name.startsWith(prefix) ? Number(name.slice(prefix.length).split('-')[0]) : NaN;
    if (pid > 0 && pid !== process.pid && !processAlive(pid)) rmSync(path.join(directory, name), { force: true });
  }
  const file = path.join(directory, `${prefix}${process.pid}-${++made}`);
  closeSync(openSync(file, 'wx', 0o600)); // an empty file is an empty database to SQLite
  return file;
}

export function removeDirectoryScratchFile(file: string): void {
  rmSync(file, { force: true });
}

/** Scratch data, never worth a journal or a sync: the file is deleted after the import whatever happens. */
function openScratch(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('temp_store = FILE');
  db.pragma('cache_size = -4096'); // also the sorter's runs: its memory stays small
  return db;
}

/** In the reading thread: each valid row's number and marked lines, in file order. */
export class DirectoryRows {
  private readonly db: Database.Database;
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly params: unknown[] = [];

  constructor(file: string) {
    this.db = openScratch(file);
    this.db.exec('CREATE TABLE directory_rows (account_number TEXT NOT NULL, lines TEXT NOT NULL)');
    this.insertMany = this.db.prepare(`INSERT INTO directory_rows VALUES ${Array(ROWS_PER_STATEMENT).fill('(?, ?)').join(', ')}`);
    this.insertOne = this.db.prepare('INSERT INTO directory_rows VALUES (?, ?)');
    this.db.exec('BEGIN');
  }

  add(accountNumber: unknown, lines: unknown): void {
    this.params.push(accountNumber, lines);
    if (this.params.length < ROWS_PER_STATEMENT * 2) return;
    this.insertMany.run(this.params);
    this.params.length = 0;
  }

  close(): void {
    for (let i = 0; i < this.params.length; i += 2) this.insertOne.run(this.params.slice(i, i + 2));
    this.db.exec('COMMIT');
    this.db.close();
  }
}

/** What sortDirectoryFile leaves: the entries in (phone, rank) order, rowid 1 up. */
export const DIRECTORY_ENTRIES = 'directory_entries';

const SORT = `CREATE TABLE ${DIRECTORY_ENTRIES} AS SELECT substr(p.value, 1, 12) AS phone, r.rank
    FROM (SELECT lines, row_number() OVER (ORDER BY account_number) AS rank FROM directory_rows) r, json_each(r.lines) p
    ORDER BY phone, rank;
  DROP TABLE directory_rows`;

// Plain JavaScript (no loader to start): lowers its own thread's priority where Linux allows it, sorts, answers.
const SORTER = `
const { parentPort, workerData } = require('node:worker_threads');
try {
  try {
    const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
    require('node:os').setPriority(tid, 10);
  } catch {}
  const Database = require(workerData.betterSqlite3);
  const db = new Database(workerData.file);
  for (const pragma of workerData.pragmas) db.pragma(pragma);
  const started = performance.now();
  db.exec(workerData.sql);
  db.close();
  parentPort.postMessage({ ms: performance.now() - started });
} catch (error) {
  parentPort.postMessage({ error: String((error && error.message) || error) });
}
`;

/** Sorts the rows a DirectoryRows wrote into DIRECTORY_ENTRIES, in a thread of its own; resolves with the time it took. */
export function sortDirectoryFile(file: string): { done: Promise<number>; stop: () => Promise<void> } {
  const worker = new Worker(SORTER, {
    eval: true,
    workerData: {
      file,
      sql: SORT,
      betterSqlite3: createRequire(import.meta.url).resolve('better-sqlite3'),
      pragmas: ['journal_mode = OFF', 'synchronous = OFF', 'temp_store = FILE', 'cache_size = -4096'],
    },
  });
  const done = new Promise<number>((resolve, reject) => {
    worker.once('message', (answer: { ms?: number; error?: string }) =>
      answer.error === undefined ? resolve(answer.ms!) : reject(new Error(answer.error)),
    );
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the directory sort stopped')));
  });
  done.catch(() => {}); // the caller awaits it, or stops the sort
  return { done, stop: async () => void (await worker.terminate()) };
}
