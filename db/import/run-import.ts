// One import, on the engine the options name: the same reading, validation, messages, counts and log on either.
// SQLite (sqlite-import.ts) stages in TEMP tables and applies in short write transactions, so the portal's single
// writer is never held up for long; an interrupted run is completed by running the file again. PostgreSQL
// (pg/postgres-import.ts) streams rows with COPY and applies them set-based in one transaction: readers are not
// blocked by it (MVCC), so all or nothing is literal there. drive-import.ts runs the steps in order.
import { onPostgres } from '../tables';
import { driveImport } from './drive-import';
import type { ImportOptions, ImportSummary } from './import-options';
import { openPostgresImport } from './pg/postgres-import';
import { openSqliteImport } from './sqlite-import';

export type { ImportKindName, ImportOptions, ImportProgress, ImportSummary } from './import-options';

export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const { databaseUrl } = options;
  // The imports log and the audit chain go through db/tables.ts, whose engine this process chose from DATABASE_URL.
  if (Boolean(databaseUrl) !== onPostgres) {
    throw new Error(
      databaseUrl
        ? 'an import into PostgreSQL needs DATABASE_URL set in the environment of its process before it starts'
        : "this process has DATABASE_URL set, so its tables are PostgreSQL's: pass databaseUrl, or unset DATABASE_URL to import into the SQLite file",
    );
  }
  return driveImport(options, (phases) =>
    databaseUrl ? openPostgresImport(options.kind, databaseUrl) : openSqliteImport(options.kind, options.databasePath, phases),
  );
}
