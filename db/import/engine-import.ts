// One import's engine-specific steps, opened for one kind of file: drive-import.ts runs them in the same order on
// SQLite (sqlite-import.ts) and PostgreSQL (pg/postgres-import.ts).
import type { Database } from '../database';
import type { ApplyPhase, Counts } from './import-kind';
import type { RowStage } from './read-rows';
import type { RowErrors } from './row-errors';

export interface Staging<Row> extends RowStage<Row> {
  /** Every row is in: the staged table is complete and readable. */
  finish(): Promise<void>;
}

export type ApplyProgress = (applied: number, total?: number, phase?: ApplyPhase) => void;

export interface EngineImport<Row> {
  /** The database as the rest of the portal sees it: the imports log and the audit chain are written through it. */
  readonly database: Database;
  /** False while the import's own connection holds a write lock that a write through `database` would wait behind. */
  canWriteAside(): boolean;
  startStaging(): Promise<Staging<Row>>;
  /** Whole-file checks once every row is staged: duplicates, unknown accounts. Reads only. */
  checkStaged(errors: RowErrors): Promise<void>;
  /** Applies the staged rows (and for accounts the phone directory); they are committed when it resolves. */
  apply(chunkRows: number | undefined, onProgress: ApplyProgress): Promise<Counts>;
  /** After a failure: rolls back and stops whatever the import's connection still has open. */
  abort(): Promise<void>;
  close(): Promise<void>;
}
