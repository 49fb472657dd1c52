// Statement references, each stored once: the first issue is recorded (and audited), later views find it.
import { eq } from 'drizzle-orm';
import { statements, type Statement } from '../../db/schema';
import { getDb } from './db.server';

/** Stores the reference unless it exists; says whether this call created it, and when it was first issued. */
export async function issueStatementReference(
  input: Pick<Statement, 'reference' | 'accountId' | 'customerId'>,
  at: Date,
): Promise<{ created: boolean; issuedAt: Date }> {
  const db = getDb();
  const inserted = db
    .insert(statements)
    .values({ ...input, createdAt: at })
    .onConflictDoNothing()
    .run();
  const row = db.select({ createdAt: statements.createdAt }).from(statements).where(eq(statements.reference, input.reference)).get()!;
  return { created: inserted.changes === 1, issuedAt: row.createdAt };
}
