// Statement references, each stored once: the first issue is recorded (and audited), later views find it.
import { eq } from 'drizzle-orm';
import type { Statement } from '../../db/schema';
import { statements } from '../../db/tables';
import { getDb } from './db.server';

/** Stores the reference unless it exists; says whether this call created it, and when it was first issued. */
export async function issueStatementReference(
  input: Pick<Statement, 'reference' | 'accountId' | 'customerId'>,
  at: Date,
): Promise<{ created: boolean; issuedAt: Date }> {
  const db = getDb();
  const inserted = await db.run((q) =>
    q
      .insert(statements)
      .values({ ...input, createdAt: at })
      .onConflictDoNothing(),
  );
  const row = (await db.get((q) =>
    q.select({ createdAt: statements.createdAt }).from(statements).where(eq(statements.reference, input.reference)),
  ))!;
  return { created: inserted === 1, issuedAt: row.createdAt };
}
