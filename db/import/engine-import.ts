// One import's engine-specific steps, opened for one kind of file: drive-import.ts runs them in the same order on
// SQLite (sqlite-import.ts) and PostgreSQL (pg/postgres-import.ts).
import type { Database } from '../database';
import type { ApplyPhase, Counts } from './import-kind';
import type { ImportKindName } from './import-options';
import type { RowsRead } from './read-rows';
import type { RowErrors } from './row-errors';

export type ApplyProgress = (applied: number, total?: number, phase?: ApplyPhase) => void;

/** The file an import reads, and how much text it takes at most. */
export interface FileToStage {
  file: string;
  kind: ImportKindName;
  maxTextBytes: number | undefined;
}

/** Rows read (valid or not) and bytes of the file read so far, updated as the file is read. */
export interface StagingProgress {
  rows: number;
  bytesRead: number;
}

export interface EngineImport {
  /** The database as the rest of the portal sees it: the imports log and the audit chain are written through it. */
  readonly database: Database;
  /** False while the import's own connection holds a write lock that a write through `database` would wait behind. */
  canWriteAside(): boolean;
  /** Reads and validates every row of the file (readRows), staging the valid ones; bad rows go to errors. */
  stageFile(file: FileToStage, errors: RowErrors, progress: StagingProgress, onProgress: () => void): Promise<RowsRead>;
  /** Whole-file checks once every row is staged: duplicates, unknown accounts. Reads only. */
  checkStaged(errors: RowErrors): Promise<void>;
  /** Applies the staged rows (and for accounts the phone directory); they are committed when it resolves. */
  apply(chunkRows: number | undefined, onProgress: ApplyProgress): Promise<Counts>;
  /** After a failure: rolls back and stops whatever the import's connection still has open. */
  abort(): Promise<void>;
  close(): Promise<void>;
}
