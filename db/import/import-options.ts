// What an import is asked to do and what it reports, the same on either engine (run-import.ts picks the engine).
import type { AuditKeys } from '../audit-chain';
import type { ApplyPhase, Counts } from './import-kind';

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
  /** The SQLite file, used when databaseUrl is not set. */
  databasePath: string;
  /** PostgreSQL (postgres://…) instead of the SQLite file; the process must have DATABASE_URL set too (db/tables.ts). */
  databaseUrl?: string | null;
  operator: string;
  /** The audit chain's key and head (the operator's configuration): the import audits people it removes. */
  audit: AuditKeys;
  /** Rows per write transaction while applying (on PostgreSQL, per statement of the one transaction); sized by default. */
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
  /** Wall seconds by phase (phase-times.ts): where the time went. */
  phases: Record<string, number>;
}
