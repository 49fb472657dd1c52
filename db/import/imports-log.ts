// Every import leaves a row in `imports` (for the admin page): written outside the import's own transactions,
// so a failed, rolled-back import is still on record.
import { hostname } from 'node:os';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../client';
import { imports } from '../schema';
import type { Counts } from './import-kind';

export function recordStart(db: Db, kind: 'accounts' | 'exposures', fileName: string, operator: string): number {
  const row = db
    .insert(imports)
    .values({ kind, fileName, fileSha256: '', operator, startedAt: new Date(), outcome: 'running', pid: process.pid, host: hostname() })
    .returning({ id: imports.id })
    .get();
  return row.id;
}

export interface Finish extends Counts {
  outcome: 'succeeded' | 'failed';
  fileSha256: string;
  errorCount: number;
  message: string | null;
}

export function recordFinish(db: Db, id: number, finish: Finish): void {
  db.update(imports)
    .set({ ...finish, finishedAt: new Date() })
    .where(eq(imports.id, id))
    .run();
}

/**
 * Earlier imports of the same kind still on record as running when this one succeeded: their process stopped part
 * way. An accounts import has by then rebuilt the whole phone look-up (accounts-kind.ts); their rows are another
 * matter, so the message says to run their file again.
 */
export function recordInterrupted(db: Db, kind: 'accounts' | 'exposures', laterId: number): void {
  const repaired = kind === 'accounts' ? ` Import #${laterId} rebuilt the phone look-up.` : '';
  db.update(imports)
    .set({
      outcome: 'failed',
      finishedAt: new Date(),
      message: `Stopped before it finished: run its file again to complete it.${repaired}`,
    })
    .where(and(eq(imports.kind, kind), eq(imports.outcome, 'running'), lt(imports.id, laterId)))
    .run();
}
