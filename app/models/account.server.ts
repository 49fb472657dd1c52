// Accounts as the portal reads them: the holder's data, lines, and PIN state.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { accountLines, accounts, pinHistory } from '../../db/schema';
import { getDb, preparedStatements } from './db.server';

export { DEMO_ACCOUNTS, DEMO_PIN_SET_ON, demoPin } from '../../db/seed/demo-accounts';

const reads = preparedStatements((db) => ({
  account: db
    .select()
    .from(accounts)
    .where(eq(accounts.id, sql.placeholder('id')))
    .prepare(),
}));

export async function getAccount(accountId: number) {
  return reads().account.get({ id: accountId }) ?? null;
}

export async function getAccountPhones(accountId: number): Promise<string[]> {
  return getDb()
    .select({ phone: accountLines.phone })
    .from(accountLines)
    .where(eq(accountLines.accountId, accountId))
    .orderBy(accountLines.phone)
    .all()
    .map((row) => row.phone);
}

/** The current PIN hash followed by up to `keep` earlier ones, newest first. */
export async function getPinHashes(accountId: number, keep: number): Promise<string[]> {
  const db = getDb();
  const current = db.select({ pinHash: accounts.pinHash }).from(accounts).where(eq(accounts.id, accountId)).get()?.pinHash;
  const earlier = db
    .select({ pinHash: pinHistory.pinHash })
    .from(pinHistory)
    .where(eq(pinHistory.accountId, accountId))
    .orderBy(desc(pinHistory.id))
    .limit(keep)
    .all()
    .map((row) => row.pinHash);
  return current ? [current, ...earlier] : earlier;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Sets a new PIN hash; the old one moves to the history, which keeps only the last `keep`. */
export async function replacePinHash(accountId: number, newHash: string, changedAt: Date, keep: number): Promise<void> {
  getDb().transaction((tx) => replacePinHashIn(tx, accountId, newHash, changedAt, keep));
}

/** replacePinHash inside a transaction the caller holds. */
export function replacePinHashIn(tx: Tx, accountId: number, newHash: string, changedAt: Date, keep: number): void {
  const previous = tx.select({ pinHash: accounts.pinHash }).from(accounts).where(eq(accounts.id, accountId)).get()?.pinHash;
  if (previous) tx.insert(pinHistory).values({ accountId, pinHash: previous, createdAt: changedAt }).run();
  tx.update(accounts).set({ pinHash: newHash, pinChangedAt: changedAt }).where(eq(accounts.id, accountId)).run();
  const stale = tx
    .select({ id: pinHistory.id })
    .from(pinHistory)
    .where(eq(pinHistory.accountId, accountId))
    .orderBy(desc(pinHistory.id))
    .all()
    .slice(keep)
    .map((row) => row.id);
  if (stale.length > 0) tx.delete(pinHistory).where(inArray(pinHistory.id, stale)).run();
}

/** Accounts the demo seed created that never had a PIN: the seed gives those their documented old one. */
export async function listDemoAccountsNeverGivenAPin(accountNumbers: string[]): Promise<Array<{ id: number; accountNumber: string }>> {
  return getDb()
    .select({ id: accounts.id, accountNumber: accounts.accountNumber })
    .from(accounts)
    .where(
      and(
        eq(accounts.demo, true),
        inArray(accounts.accountNumber, accountNumbers),
        isNull(accounts.pinHash),
        isNull(accounts.pinChangedAt),
      ),
    )
    .all();
}

/** Sets a PIN hash with the date it was set, without history (for the demo seed's first PIN). */
export async function setFirstPinHash(accountId: number, pinHash: string, setAt: Date): Promise<void> {
  getDb().update(accounts).set({ pinHash, pinChangedAt: setAt }).where(eq(accounts.id, accountId)).run();
}
