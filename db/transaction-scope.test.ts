// A query through the database from inside a transaction's work used to wait for ever on SQLite (the gate waits for
// the transaction it is part of) and to run outside the transaction on PostgreSQL; both engines now refuse it at once.
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts } from '../db/tables';
import { testDatabase } from '../tests/helpers/db';
import { QUERY_INSIDE_TRANSACTION } from './transaction-scope';

const countAccounts = async () => (await testDatabase().get((q) => q.select({ n: count() }).from(accounts)))!.n;

describe('a query through the database inside a transaction', () => {
  it('is refused with the fix in the message, and the transaction rolls back', async () => {
    const db = testDatabase();
    const before = await countAccounts();
    const attempt = db.transaction(async (tx) => {
      await tx.run((q) =>
        q.insert(accounts).values({ accountNumber: '199999991', accountType: 'prepaid', holderName: 'Inside', billingZip: '98006' }),
      );
      await db.get((q) => q.select({ n: count() }).from(accounts)); // the database, not tx
    });
    await expect(attempt).rejects.toThrow(QUERY_INSIDE_TRANSACTION);
    expect(await countAccounts()).toBe(before);
  });

  it('refuses a transaction begun inside another one', async () => {
    const db = testDatabase();
    await expect(db.transaction(async () => db.transaction(async () => 'nested'))).rejects.toThrow(QUERY_INSIDE_TRANSACTION);
  });

  it('lets the transaction’s own queries through, and the database’s once the work is over', async () => {
    const db = testDatabase();
    let later: Promise<unknown> | undefined;
    const found = await db.transaction(async (tx) => {
      await tx.run((q) =>
        q.insert(accounts).values({ accountNumber: '199999992', accountType: 'prepaid', holderName: 'Inside', billingZip: '98006' }),
      );
      // Work left running after the transaction (a timer set inside it) queries as usual.
      later = new Promise((resolve) => setTimeout(resolve, 20)).then(() =>
        db.get((q) => q.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, '199999992'))),
      );
      return tx.get((q) => q.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, '199999992')));
    });
    expect(found).toBeDefined();
    await expect(later).resolves.toEqual(found);
  });
});
