// A query through the database itself (not the queries a transaction hands its work) from inside that work: on SQLite
// it would wait for the transaction it is part of, for ever; on PostgreSQL it would run outside it, on another
// connection. Both engines refuse it instead, with the fix in the message.
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<{ open: boolean }>();

export const QUERY_INSIDE_TRANSACTION =
  'a query through the database inside a transaction: use the queries the transaction passes to its work ' +
  '(on SQLite this query would wait for the transaction it is part of, and on PostgreSQL it would run outside it)';

/** Runs a transaction's work so that refuseInsideTransaction() knows it is inside it, until the work settles. */
export async function asTransactionWork<T>(work: () => Promise<T>): Promise<T> {
  const state = { open: true };
  try {
    return await scope.run(state, work);
  } finally {
    state.open = false; // work it started and left running may query as usual once it is over
  }
}

export function refuseInsideTransaction(): void {
  if (scope.getStore()?.open) throw new Error(QUERY_INSIDE_TRANSACTION);
}
