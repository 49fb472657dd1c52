// The Database on SQLite. better-sqlite3 is one synchronous connection per process, so an awaited transaction needs
// a gate: while one is open, every other query of this process waits for it (else it would run inside the open
// transaction and be rolled back with it). Outside a transaction a query runs at once, synchronously.
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunResult } from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from './client';
import type { Database, Drizzle, PreparedQuery, Queries } from './database';
import { asTransactionWork, refuseInsideTransaction } from './transaction-scope';

const POLL_MS = 5;
const GIVE_UP_MS = 5_000; // as long as the connection's own busy timeout

const isBusy = (error: unknown) => (error as { code?: unknown })?.code === 'SQLITE_BUSY';

interface SqlitePrepared<T> {
  all(params: Record<string, unknown>): T[];
  get(params: Record<string, unknown>): T | undefined;
}

export type SqliteDatabase = Database & { readonly sqlite: Db };

export function sqliteDatabase(db: Db): SqliteDatabase {
  const drizzle = db as unknown as Drizzle;
  let open: Promise<void> | null = null; // the transaction in progress, if any

  const direct: Queries = {
    dialect: 'sqlite',
    all: async (build) => build(drizzle).all(),
    get: async (build) => build(drizzle).get(),
    run: async (build) => (build(drizzle).run() as RunResult).changes,
  };

  // Takes the write lock at BEGIN, so a caller waits once, before any of its writes. While another process (an
  // import) holds it, the wait polls without holding the gate, so this process's reads go on meanwhile.
  async function begin(): Promise<() => void> {
    refuseInsideTransaction(); // a transaction inside another's work would wait for it
    const giveUpAt = Date.now() + GIVE_UP_MS;
    for (;;) {
      while (open) await open; // and then BEGIN in the same turn, before another waiter can
      const previous = db.$client.pragma('busy_timeout', { simple: true }) as number;
      db.$client.pragma('busy_timeout = 0');
      try {
        db.$client.exec('BEGIN IMMEDIATE');
        let release!: () => void;
        open = new Promise((resolve) => (release = resolve));
        return () => {
          open = null;
          release();
        };
      } catch (error) {
        if (!isBusy(error) || Date.now() >= giveUpAt) throw error;
      } finally {
        db.$client.pragma(`busy_timeout = ${previous}`);
      }
      await sleep(POLL_MS);
    }
  }

  // A query waits only while a transaction is open; one from inside that transaction's work would wait for ever.
  // (Checked here, not in a helper awaited each time: a query that finds no transaction must run in the same turn.)
  const theOpenTransaction = (transaction: Promise<void>) => {
    refuseInsideTransaction();
    return transaction;
  };

  return {
    ...direct,
    // Each waits in a loop and runs in the same turn it finds no transaction open, before another can begin.
    all: async (build) => {
      while (open) await theOpenTransaction(open);
      return build(drizzle).all();
    },
    get: async (build) => {
      while (open) await theOpenTransaction(open);
      return build(drizzle).get();
    },
    run: async (build) => {
      while (open) await theOpenTransaction(open);
      return (build(drizzle).run() as RunResult).changes;
    },
    async transaction(work) {
      // Any `lock` is already held: BEGIN IMMEDIATE takes the database's one write lock.
      const end = await begin();
      try {
        const result = await asTransactionWork(() => work(direct));
        db.$client.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.$client.inTransaction) db.$client.exec('ROLLBACK');
        throw error;
      } finally {
        end();
      }
    },
    prepare<T>(build: (db: Drizzle) => { prepare(): unknown }): PreparedQuery<T> {
      let prepared: SqlitePrepared<T> | undefined;
      const statement = () => (prepared ??= build(drizzle).prepare() as SqlitePrepared<T>);
      return {
        all: async (params) => {
          while (open) await theOpenTransaction(open);
          return statement().all(params);
        },
        get: async (params) => {
          while (open) await theOpenTransaction(open);
          return statement().get(params);
        },
      };
    },
    async answers() {
      try {
        while (open) await theOpenTransaction(open);
        return db.get<{ ok: number }>(sql`select 1 as ok`)?.ok === 1;
      } catch {
        return false;
      }
    },
    async close() {
      while (open) await theOpenTransaction(open);
      db.$client.close();
    },
    drizzle,
    sqlite: db,
  };
}

export function openSqliteDatabase(file: string): SqliteDatabase {
  return sqliteDatabase(openDatabase(file));
}
