// One import, end to end. All or nothing, without holding the portal up:
// 1. read, parse and validate every row into a TEMP table (no lock on the main database at all);
// 2. whole-file checks (duplicates, unknown accounts) against the staged rows, still read-only;
// 3. only if nothing is wrong, apply in short write transactions of a few thousand rows each.
// Step 3 is only constraint-safe upserts of validated rows, so it does not fail on data; if the process dies
// part way, re-running the same file completes it (imports are idempotent) — the one trade-off for never
// holding one long write lock.
import { statSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { AuditKeys } from '../audit-chain';
import { openDatabase } from '../client';
import { sqliteDatabase } from '../database.sqlite';
import { readyDatabase } from '../seed/seed';
import { accountsKind } from './accounts-kind';
import { CsvParser } from './csv-parser';
import { endAccessOfDepartedPeople } from './departed-people';
import { exposuresKind } from './exposures-kind';
import { isIdentityOrder, readHeader } from './header';
import type { ApplyPhase, Counts, ImportKind, ImportLayout } from './import-kind';
import { HEARTBEAT_EVERY_MS, recordFinish, recordHeartbeat, recordInterrupted, recordStart } from './imports-log';
import { FileTooLargeError, readTextChunks } from './read-file';
import { RowErrors } from './row-errors';

export type ImportKindName = 'accounts' | 'exposures';

export interface ImportProgress {
  phase: 'validating' | ApplyPhase;
  rows: number;
  bytesRead: number;
  totalBytes: number;
  /** Of applyTotal, in the current applying phase. */
  applied: number;
  applyTotal: number;
}

export interface ImportOptions {
  kind: ImportKindName;
  file: string;
  databasePath: string;
  operator: string;
  /** The audit chain's key and head (the operator's configuration): the import audits people it removes. */
  audit: AuditKeys;
  /** Rows per write transaction while applying; by default sized by time (chunked-apply.ts). */
  chunkRows?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Refuses a file (a gzip file, once decompressed) holding more text than this; MAX_TEXT_BYTES by default. */
  maxTextBytes?: number;
  /** Test hook: runs between validation and applying. */
  beforeApply?: () => void;
}

export interface ImportSummary extends Counts {
  id: number;
  kind: ImportKindName;
  file: string;
  sha256: string;
  outcome: 'succeeded' | 'failed';
  errorCount: number;
  errors: string[];
  message: string | null;
  /** People who lost access because their line left their account in this import. */
  accessEnded: number;
  seconds: number;
  /** Of which reading, validating, staging and the whole-file checks (the rest is applying). */
  validateSeconds: number;
}

// Rows stay opaque here: each kind validates, stages and applies its own.
const KINDS: Record<ImportKindName, ImportKind<unknown>> = {
  accounts: accountsKind as unknown as ImportKind<unknown>,
  exposures: exposuresKind as unknown as ImportKind<unknown>,
};
const STAGE_BATCH = 50_000;

export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const kind = KINDS[options.kind];
  const db = openDatabase(options.databasePath);
  const sqlite = db.$client;
  const database = sqliteDatabase(db);
  await readyDatabase(database);
  tuneForImport(sqlite);
  let id: number;
  try {
    id = await recordStart(database, options.kind, path.basename(options.file), options.operator);
  } catch (error) {
    sqlite.close(); // another import runs (ImportBusyError): this one leaves nothing behind
    throw error;
  }
  // Progress comes every few hundred milliseconds: the heartbeat rides on it, but only between write transactions (a
  // write to imports inside the staging transaction would hold the main database's write lock until its commit).
  let lastHeartbeat = Date.now();
  const onProgress = (current: ImportProgress) => {
    if (!sqlite.inTransaction && Date.now() - lastHeartbeat >= HEARTBEAT_EVERY_MS) {
      lastHeartbeat = Date.now();
      recordHeartbeat(database, id).catch(() => {}); // a missed heartbeat only makes the run look older
    }
    options.onProgress?.(current);
  };
  const errors = new RowErrors();
  const progress: ImportProgress = { phase: 'validating', rows: 0, bytesRead: 0, totalBytes: 0, applied: 0, applyTotal: 0 };
  let counts: Counts = { rows: 0, inserted: 0, updated: 0, unchanged: 0 };
  let sha256 = '';
  let message: string | null = null;
  let validated = 0;
  let accessEnded = 0;
  try {
    progress.totalBytes = statSync(options.file).size;
    const stage = kind.createStaging(sqlite);
    let layout: ImportLayout<unknown> = kind.layouts[0];
    let order: number[] | null = null;
    let identity = true;
    let sawHeader = false;
    let staged = 0;
    sqlite.exec('BEGIN');
    const parser = new CsvParser(
      (fields, line) => {
        if (!sawHeader) {
          sawHeader = true;
          const header = readHeader(fields, kind.layouts, errors);
          if (header) ({ layout, order } = header);
          identity = order !== null && isIdentityOrder(order) && fields.length === layout.columns.length;
          return;
        }
        if (order === null) return;
        const row = validateRow(layout, fields, identity ? null : order, line, errors);
        if (row === undefined) return;
        progress.rows++;
        if (row === null) return; // valid rows are staged even after a bad one, so the whole-file checks see them all
        stage.add(row, line);
        if (++staged % STAGE_BATCH === 0) sqlite.exec('COMMIT; BEGIN');
      },
      (line, column, reason) => errors.add(line, columnName(layout.columns, order, column), reason),
    );
    let read = { sha256: '', bytes: 0 };
    try {
      read = await readTextChunks(
        options.file,
        (text) => parser.push(text),
        (bytes) => {
          progress.bytesRead = bytes;
          onProgress(progress);
        },
        // A record past the cap has stopped the parser: the rest of the file is not worth reading.
        { maxTextBytes: options.maxTextBytes, shouldStop: () => parser.failed },
      );
    } catch (error) {
      if (!(error instanceof FileTooLargeError)) throw error;
      errors.add(parser.currentLine, 'file', `${error.message}; check that it is the right file`);
    }
    parser.end();
    stage.flush();
    sqlite.exec('COMMIT');
    sha256 = read.sha256;
    if (!sawHeader) errors.add(1, layout.columns[0]!, `the file is empty; expected the header ${layout.columns.join(',')}`);
    // Duplicates and unknown accounts are reported with the bad rows, in one run, not in a second one after a fix.
    if (sawHeader && order !== null && !parser.failed) kind.checkStaged(sqlite, errors);
    validated = performance.now();
    if (errors.count === 0) {
      options.beforeApply?.();
      progress.phase = 'applying';
      counts = await kind.apply(sqlite, options.chunkRows, (applied, total = progress.rows, phase = 'applying') => {
        progress.phase = phase;
        progress.applied = applied;
        progress.applyTotal = total;
        onProgress(progress);
      });
      if (options.kind === 'accounts') accessEnded = await endAccessOfDepartedPeople(db, options.operator, options.audit);
    } else {
      message = `${errors.count} bad row${errors.count === 1 ? '' : 's'}; nothing was imported`;
      counts.rows = progress.rows;
    }
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    message = error instanceof Error ? error.message : String(error);
    counts.rows = progress.rows;
  }
  const outcome = errors.count === 0 && message === null ? 'succeeded' : 'failed';
  await recordFinish(database, id, { ...counts, outcome, fileSha256: sha256, errorCount: errors.count, message });
  if (outcome === 'succeeded') await recordInterrupted(database, options.kind, id);
  sqlite.close(); // also drops the TEMP staging tables
  return {
    id,
    kind: options.kind,
    file: options.file,
    sha256,
    outcome,
    ...counts,
    errorCount: errors.count,
    errors: errors.first,
    message,
    accessEnded,
    seconds: (performance.now() - started) / 1000,
    validateSeconds: ((validated || performance.now()) - started) / 1000,
  };
}

/** Returns the valid row, null for a bad row (recorded in errors), undefined for a blank line to skip. */
function validateRow<Row>(
  layout: ImportLayout<Row>,
  fields: string[],
  order: number[] | null,
  line: number,
  errors: RowErrors,
): Row | null | undefined {
  const width = layout.columns.length; // the header has exactly these columns, in some order
  if (order === null && fields.length === width) {
    const row = layout.fastPath(fields);
    if (row !== null) return row;
  }
  if (fields.every((field) => field.trim() === '')) return undefined; // spreadsheets append rows of bare commas
  if (fields.length !== width) {
    const column = fields.length < width ? columnName(layout.columns, order, fields.length + 1) : String(width + 1);
    errors.add(line, column, `expected ${width} columns as in the header, found ${fields.length}`);
    return null;
  }
  const raw: Record<string, string> = {};
  layout.columns.forEach((column, i) => (raw[column] = fields[order === null ? i : order[i]!]!));
  if (order !== null) {
    const row = layout.fastPath(layout.columns.map((column) => raw[column]!));
    if (row !== null) return row;
  }
  const parsed = layout.schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  errors.addIssues(line, parsed.error.issues, raw);
  return null;
}

/** Names a 1-based file column by its header name when the header is known. */
function columnName(columns: readonly string[], order: number[] | null, column: number): string {
  if (order === null) return columns[column - 1] ?? String(column);
  const index = order.indexOf(column - 1);
  return index === -1 ? String(column) : columns[index]!;
}

function tuneForImport(sqlite: Database.Database): void {
  sqlite.pragma('temp_store = FILE'); // the staged file can be larger than memory should be
  sqlite.pragma('cache_size = -32768'); // 32 MB: every index is written in key order (accounts-kind.ts), so more buys nothing
  sqlite.pragma('temp.cache_size = -8192'); // 8 MB: staging is written and read in order, so a small cache loses little
  sqlite.pragma('wal_autocheckpoint = 0'); // checkpoints run between chunks instead, outside the timed transactions
}
