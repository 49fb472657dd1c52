// The one way a service groups writes of several models into one transaction. On SQLite the work is a synchronous
// function (better-sqlite3 cannot await inside a transaction: it would commit first and run the rest unguarded), and
// the write lock is taken at BEGIN, so a caller waits once, before any of its writes. While another process (an
// import) holds the lock, the wait polls asynchronously instead of blocking the event loop in SQLite's busy handler,
// whose growing sleeps also overshoot the moment the lock is free.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../db/client';
import { getDb } from './db.server';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const POLL_MS = 5;
const GIVE_UP_MS = 5_000; // as long as the connection's own busy timeout

const isBusy = (error: unknown) => (error as { code?: unknown })?.code === 'SQLITE_BUSY';

export async function writeTransaction<T>(work: (tx: Tx) => T): Promise<T> {
  const db = getDb();
  const giveUpAt = Date.now() + GIVE_UP_MS;
  for (;;) {
    const previous = db.$client.pragma('busy_timeout', { simple: true }) as number;
    db.$client.pragma('busy_timeout = 0');
    try {
      return db.transaction(work, { behavior: 'immediate' });
    } catch (error) {
      if (!isBusy(error) || Date.now() >= giveUpAt) throw error;
    } finally {
      db.$client.pragma(`busy_timeout = ${previous}`);
    }
    await sleep(POLL_MS);
  }
}
