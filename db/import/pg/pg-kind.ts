// What differs between the accounts and exposures imports on PostgreSQL; postgres-import.ts drives either the same way.
import type pg from 'pg';
import type { ApplyProgress } from '../engine-import';
import type { Counts } from '../import-kind';
import type { RowErrors } from '../row-errors';
import type { CopyWriter } from './copy-writer';

export interface PgImportKind {
  /** Creates the TEMP staging table and starts the COPY into it (the rows come as COPY text, copy-text.ts). */
  createStaging(client: pg.ClientBase): Promise<CopyWriter>;
  /** Whole-file checks once every row is staged: duplicates, unknown accounts. Reads only. */
  checkStaged(client: pg.ClientBase, errors: RowErrors): Promise<void>;
  /** Applies the staged rows inside the transaction the caller opened, statements of chunkRows rows at a time. */
  apply(client: pg.ClientBase, chunkRows: number, onProgress: ApplyProgress): Promise<Counts>;
}
