// What differs between the accounts and exposures imports on SQLite (sqlite-import.ts drives either through the same
// steps; PostgreSQL's kinds are in pg/), and the counts and layouts both engines share.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { RowErrors } from './row-errors';

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

export interface ImportKind<Row> {
  kind: 'accounts' | 'exposures';
  /** Creates the TEMP staging table; add() stages one valid row, flush() writes any still buffered. */
  createStaging(sqlite: Database.Database): { add: (row: Row, line: number) => void; flush: () => void };
  /** Whole-file checks once every row is staged: duplicates, unknown accounts. Reads only. */
  checkStaged(sqlite: Database.Database, errors: RowErrors): void;
  /** Applies the staged rows in short write transactions (of chunkRows rows if given); reports rows applied, or
   * for a later pass its own progress, total and name. */
  apply(
    sqlite: Database.Database,
    chunkRows: number | undefined,
    onProgress: (applied: number, total?: number, phase?: ApplyPhase) => void,
  ): Promise<Counts>;
}
