// Every import leaves a row in `imports` (for the admin page): written outside the import's own transactions,
// so a failed, rolled-back import is still on record.
import { hostname } from 'node:os';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Database } from '../database';
import { processAlive } from '../process-alive';
import { imports } from '../tables';
import type { Counts } from './import-kind';

/** Another import is still running (in any process, on any machine sharing the database): this one did not start. */
export class ImportBusyError extends Error {}

// A running import renews its heartbeat every few seconds between its write transactions (recordHeartbeat); reading
// and validating a large file writes none, so a run on another machine is taken as stopped only after a long silence.
export const HEARTBEAT_EVERY_MS = 5_000;
const OTHER_HOST_SILENCE_MS = 10 * 60_000;

/**
 * Records the start of an import, or refuses it while another one runs: imports go one at a time, so two never
 * interleave their chunks. The check and the insert are one transaction under the imports lock, so two starting at
 * the same instant cannot both pass. A run on this machine blocks while its process lives (killed: it stops blocking at once);
 * one on another machine (or in a container with another host name) while its heartbeat is under ten minutes old.
 */
export async function recordStart(db: Database, kind: 'accounts' | 'exposures', fileName: string, operator: string): Promise<number> {
  return db.transaction(
    async (tx) => {
      const now = new Date();
      const running = await tx.all((q) => q.select().from(imports).where(eq(imports.outcome, 'running')).orderBy(desc(imports.id)));
      const live = running.find((row) =>
        row.host === hostname()
          ? row.pid !== null && processAlive(row.pid)
          : now.getTime() - (row.heartbeatAt ?? row.startedAt).getTime() < OTHER_HOST_SILENCE_MS,
      );
      if (live) {
        const where = live.host === hostname() ? `process ${live.pid}` : `process ${live.pid} on ${live.host}`;
        throw new ImportBusyError(
          `import #${live.id} (${live.kind}, ${live.fileName}, started ${live.startedAt.toISOString()} by ${live.operator}) is still running in ${where}; imports run one at a time: wait for it to finish, then run this one again`,
        );
      }
      const row = await tx.get((q) =>
        q
          .insert(imports)
          .values({
            kind,
            fileName,
            fileSha256: '',
            operator,
            startedAt: now,
            heartbeatAt: now,
            outcome: 'running',
            pid: process.pid,
            host: hostname(),
          })
          .returning({ id: imports.id }),
      );
      return row!.id;
    },
    { lock: 'imports' },
  );
}

/** The running import is alive: renewed at most every HEARTBEAT_EVERY_MS from its progress. */
export async function recordHeartbeat(db: Database, id: number): Promise<void> {
  await db.run((q) => q.update(imports).set({ heartbeatAt: new Date() }).where(eq(imports.id, id)));
}

export interface Finish extends Counts {
  outcome: 'succeeded' | 'failed';
  fileSha256: string;
  errorCount: number;
  message: string | null;
}

export async function recordFinish(db: Database, id: number, finish: Finish): Promise<void> {
  await db.run((q) =>
    q
      .update(imports)
      .set({ ...finish, finishedAt: new Date() })
      .where(eq(imports.id, id)),
  );
}

/**
 * Earlier imports of the same kind still on record as running when this one succeeded: their process stopped part
 * way. An accounts import has by then rebuilt the whole phone look-up (accounts-kind.ts); their rows are another
 * matter, so the message says to run their file again.
 */
export async function recordInterrupted(db: Database, kind: 'accounts' | 'exposures', laterId: number): Promise<void> {
  const repaired = kind === 'accounts' ? ` Import #${laterId} rebuilt the phone look-up.` : '';
  await db.run((q) =>
    q
      .update(imports)
      .set({
        outcome: 'failed',
        finishedAt: new Date(),
        message: `Stopped before it finished: run its file again to complete it.${repaired}`,
      })
      .where(and(eq(imports.kind, kind), eq(imports.outcome, 'running'), lt(imports.id, laterId))),
  );
}
