// Every import leaves a row in `imports` (for the admin page): written outside the import's own transactions,
// so a failed, rolled-back import is still on record.
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { imports } from '../schema';
import type { Counts } from './import-kind';

export function recordStart(db: Db, kind: 'accounts' | 'exposures', fileName: string, operator: string): number {
  const row = db
    .insert(imports)
    .values({ kind, fileName, fileSha256: '', operator, startedAt: new Date(), outcome: 'running' })
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
