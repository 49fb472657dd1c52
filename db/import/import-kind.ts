// What differs between the accounts and exposures imports on SQLite (sqlite-import.ts drives either through the same
// steps; PostgreSQL's kinds are in pg/), and the counts and layouts both engines share.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { PhaseTimes } from './phase-times';
import type { RowErrors } from './row-errors';
import type { StagedLines } from './staged-rows';

/** 'phones': the accounts import's second pass, the phone directory. */
export type ApplyPhase = 'applying' | 'phones';

export interface Counts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** One accepted header: its columns, the schema of a row under it, and the zod-free path for canonical rows. */
export interface ImportLayout<Row> {
  columns: readonly string[];
  schema: z.ZodType<Row, z.ZodTypeDef, unknown>;
  /** Accepts a row already in canonical form (fields in column order) without zod, or returns null. */
  fastPath(fields: readonly string[]): Row | null;
}

/** A kind's steps once its rows are staged, sorted, in temp.<table> (staged-rows.ts). */
export interface ImportKind {
  kind: 'accounts' | 'exposures';
  /** Whole-file checks once every row is staged: duplicates, unknown accounts. Reads only; `fileLines` gives the staged rows' lines. */
  checkStaged(sqlite: Database.Database, errors: RowErrors, fileLines: StagedLines): void;
  /** Applies the staged rows in short write transactions (of chunkRows rows if given); reports rows applied, or
   * for a later pass its own progress, total and name. */
  apply(
    sqlite: Database.Database,
    chunkRows: number | undefined,
    onProgress: (applied: number, total?: number, phase?: ApplyPhase) => void,
    phases: PhaseTimes,
    /** For accounts, where the reading thread kept what the new accounts' phone directory needs (thread-directory.ts). */
    directoryFile: string | null,
  ): Promise<Counts>;
}
