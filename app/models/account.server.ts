// Accounts as the portal reads them: the holder's data, lines, and PIN state.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queries } from '../../db/database';
import { accountLines, accounts, pinHistory } from '../../db/tables';
import { getDb, preparedStatements } from './db.server';

export { DEMO_ACCOUNTS, DEMO_PIN_SET_ON, demoPin } from '../../db/seed/demo-accounts';

const reads = preparedStatements((prepare) => ({
  account: prepare((db) =>
    db
      .select()
      .from(accounts)
      .where(eq(accounts.id, sql.placeholder('id'))),
  ),
}));

export async function getAccount(accountId: number) {
  return (await reads().account.get({ id: accountId })) ?? null;
}

export async function getAccountPhones(accountId: number): Promise<string[]> {
  const rows = await getDb().all((db) =>
    db.select({ phone: accountLines.phone }).from(accountLines).where(eq(accountLines.accountId, accountId)).orderBy(accountLines.phone),
  );
  return rows.map((row) => row.phone);
}

/** The current PIN hash followed by up to `keep` earlier ones, newest first. */
export async function getPinHashes(accountId: number, keep: number): Promise<string[]> {
  const db = getDb();
  const current = (await db.get((q) => q.select({ pinHash: accounts.pinHash }).from(accounts).where(eq(accounts.id, accountId))))?.pinHash;
  const earlier = await db.all((q) =>
    q
      .select({ pinHash: pinHistory.pinHash })
      .from(pinHistory)
      .where(eq(pinHistory.accountId, accountId))
      .orderBy(desc(pinHistory.id))
      .limit(keep),
  );
  const hashes = earlier.map((row) => row.pinHash);
  return current ? [current, ...hashes] : hashes;
}

/** Sets a new PIN hash; the old one moves to the history, which keeps only the last `keep`. */
export async function replacePinHash(accountId: number, newHash: string, changedAt: Date, keep: number): Promise<void> {
  await getDb().transaction((tx) => replacePinHashIn(tx, accountId, newHash, changedAt, keep));
}

/** replacePinHash inside a transaction the caller holds. */
export async function replacePinHashIn(tx: Queries, accountId: number, newHash: string, changedAt: Date, keep: number): Promise<void> {
  const previous = (await tx.get((db) => db.select({ pinHash: accounts.pinHash }).from(accounts).where(eq(accounts.id, accountId))))
    ?.pinHash;
  if (previous) await tx.run((db) => db.insert(pinHistory).values({ accountId, pinHash: previous, createdAt: changedAt }));
  await tx.run((db) => db.update(accounts).set({ pinHash: newHash, pinChangedAt: changedAt }).where(eq(accounts.id, accountId)));
  const history = await tx.all((db) =>
    db.select({ id: pinHistory.id }).from(pinHistory).where(eq(pinHistory.accountId, accountId)).orderBy(desc(pinHistory.id)),
  );
  const stale = history.slice(keep).map((row) => row.id);
  if (stale.length > 0) await tx.run((db) => db.delete(pinHistory).where(inArray(pinHistory.id, stale)));
}

/** Accounts the demo seed created that never had a PIN: the seed gives those their documented old one. */
export async function listDemoAccountsNeverGivenAPin(accountNumbers: string[]): Promise<Array<{ id: number; accountNumber: string }>> {
  return getDb().all((db) =>
    db
      .select({ id: accounts.id, accountNumber: accounts.accountNumber })
      .from(accounts)
      .where(
        and(
          eq(accounts.demo, true),
          inArray(accounts.accountNumber, accountNumbers),
          isNull(accounts.pinHash),
          isNull(accounts.pinChangedAt),
        ),
      ),
  );
}

/** Sets a PIN hash with the date it was set, without history (for the demo seed's first PIN). */
export async function setFirstPinHash(accountId: number, pinHash: string, setAt: Date): Promise<void> {
  await getDb().run((db) => db.update(accounts).set({ pinHash, pinChangedAt: setAt }).where(eq(accounts.id, accountId)));
}
