// Finding an account for an agent, and the guided resets agents started on it.
import { and, desc, eq, gt } from 'drizzle-orm';
import { accountLines, accounts, imports, oneTimeCodes, phoneDirectory } from '../../db/tables';
import { getDb } from './db.server';

export async function findAccountIdByPhone(phone: string): Promise<number[]> {
  // The directory finds the phone; the join keeps only entries the account still has (db/schema.ts).
  const rows = await getDb().all((db) =>
    db
      .select({ accountId: phoneDirectory.accountId })
      .from(phoneDirectory)
      .innerJoin(accountLines, and(eq(accountLines.accountId, phoneDirectory.accountId), eq(accountLines.phone, phoneDirectory.phone)))
      .where(eq(phoneDirectory.phone, phone))
      .limit(5),
  );
  return rows.map((row) => row.accountId);
}

/** True while an accounts import is being applied: the phones it adds are found by phone only once it ends. */
export async function isAccountsImportRunning(): Promise<boolean> {
  const running = await getDb().get((db) =>
    db
      .select({ id: imports.id })
      .from(imports)
      .where(and(eq(imports.kind, 'accounts'), eq(imports.outcome, 'running')))
      .limit(1),
  );
  return running !== undefined;
}

export async function findAccountIdByAccountNumber(accountNumber: string): Promise<number | null> {
  return (
    (await getDb().get((db) => db.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, accountNumber))))?.id ?? null
  );
}

/** Agent-started reset codes on the account since `since`, newest first (never the codes themselves). */
export async function listAgentResets(accountId: number, since: Date) {
  return getDb().all((db) =>
    db
      .select({
        id: oneTimeCodes.id,
        createdAt: oneTimeCodes.createdAt,
        expiresAt: oneTimeCodes.expiresAt,
        usedAt: oneTimeCodes.usedAt,
        invalidatedAt: oneTimeCodes.invalidatedAt,
        issuedByStaffId: oneTimeCodes.issuedByStaffId,
      })
      .from(oneTimeCodes)
      .where(and(eq(oneTimeCodes.accountId, accountId), eq(oneTimeCodes.purpose, 'agent-reset'), gt(oneTimeCodes.createdAt, since)))
      .orderBy(desc(oneTimeCodes.id))
      .limit(5),
  );
}
