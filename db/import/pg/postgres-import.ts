// An import's steps on PostgreSQL. A connection of its own (TEMP tables belong to a session) streams the rows in with
// COPY as the reading thread (read-in-worker.ts) writes them, runs the whole-file checks in SQL and applies everything in one transaction: readers and the portal's other
// writes go on meanwhile (MVCC), and a failure or a killed process leaves nothing behind. The imports log and the
// audit chain are written through a small pool beside it, so they never wait on that transaction.
import pg from 'pg';
import { openPostgresDatabase } from '../../database.pg';
import { readyDatabase } from '../../seed/seed';
import type { EngineImport } from '../engine-import';
import type { ImportKindName } from '../import-options';
import { ImportThread } from '../read-in-worker';
import { accountsPg } from './accounts-pg';
import type { CopyWriter } from './copy-writer';
import { exposuresPg } from './exposures-pg';
import type { PgImportKind } from './pg-kind';

/** How the import's connection names itself in pg_stat_activity. */
export const IMPORT_APPLICATION_NAME = 'portal-import';

// Rows stay opaque here: each kind stages and applies its own.
const KINDS: Record<ImportKindName, PgImportKind> = { accounts: accountsPg, exposures: exposuresPg };

// Rows per statement of the apply transaction: only how often progress is reported.
const CHUNK_ROWS = 250_000;

// Room for sorting and hashing a whole file's rows, and for its TEMP tables (settable only before the session first
// uses one). A killed import's statement stops within a second instead of running on to its end.
const SESSION_SETTINGS = `SET work_mem = '256MB'; SET temp_buffers = '256MB'; SET maintenance_work_mem = '256MB';
  SELECT set_config('client_connection_check_interval', '1s', false) WHERE current_setting('server_version_num')::integer >= 140000`;

export async function openPostgresImport(kindName: ImportKindName, url: string): Promise<EngineImport> {
  const kind = KINDS[kindName];
  // Started first: it loads the parser and the schemas while this thread connects.
  const thread = new ImportThread();
  const database = openPostgresDatabase(url, { max: 2 });
  database.pool.on('error', () => {}); // an idle connection lost (a server restart) fails the next query, not the process
  const client = new pg.Client({ connectionString: url, application_name: IMPORT_APPLICATION_NAME });
  client.on('error', () => {}); // a lost connection fails the pending query, which reports it
  try {
    await readyDatabase(database);
    await client.connect();
    await client.query(SESSION_SETTINGS);
  } catch (error) {
    await client.end().catch(() => {});
    await database.close();
    await thread.release();
    throw error;
  }
  let copying: CopyWriter | null = null;
  let inTransaction = false;
  return {
    database,
    canWriteAside: () => true, // the log goes through the pool, on rows no lock of the import's connection holds
    // The reading thread parses and validates, and writes the valid rows as COPY text; this thread only forwards it,
    // so the server ingests one part while the thread reads the next.
    async stageFile(file, errors, progress, onProgress) {
      const writer = await kind.createStaging(client);
      copying = writer;
      const reader = thread.read(file, 'copy-text', { progress, onProgress });
      for (;;) {
        const message = await reader.takeAsync();
        if (message.type === 'done') {
          errors.takeOver(message.errors);
          await writer.end();
          copying = null;
          return { sha256: message.sha256, complete: message.complete };
        }
        await writer.write(message.text);
      }
    },
    checkStaged: (errors) => kind.checkStaged(client, errors),
    async apply(chunkRows, onProgress) {
      await client.query('BEGIN');
      inTransaction = true;
      const counts = await kind.apply(client, chunkRows ?? CHUNK_ROWS, onProgress);
      await client.query('COMMIT');
      inTransaction = false;
      return counts;
    },
    async abort() {
      await copying?.cancel();
      copying = null;
      if (inTransaction) await client.query('ROLLBACK').catch(() => {}); // a lost connection rolled back already
      inTransaction = false;
    },
    async close() {
      await thread.release();
      await client.end().catch(() => {});
      await database.close();
    },
  };
}
