// One way to query either engine. Models build drizzle queries against SQLite's builder types (the PostgreSQL
// builders take the same calls, and db/schema-parity.test.ts keeps the tables alike) and run them through
// all/get/run, which each engine executes its own way: better-sqlite3 synchronously, node-postgres over the pool.
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';

export type Dialect = 'sqlite' | 'postgres';

/** The query builder models write against: SQLite's types, PostgreSQL's builders at run time on that engine. */
export type Drizzle = BetterSQLite3Database<typeof schema>;

export interface Queries {
  readonly dialect: Dialect;
  /** Every row the query returns. */
  all<T>(build: (db: Drizzle) => { all(): T[] }): Promise<T[]>;
  /** The first row, or undefined: for look-ups by a unique key, or a query with its own limit. */
  get<T>(build: (db: Drizzle) => { get(): T | undefined }): Promise<T | undefined>;
  /** Runs an insert, update or delete without RETURNING; resolves to the rows it changed. */
  run(build: (db: Drizzle) => { run(): unknown }): Promise<number>;
}

export interface TransactionOptions {
  /**
   * Writers that name the same lock run one after another, each seeing what the one before committed (the audit
   * chain, the import log). SQLite needs nothing more: BEGIN IMMEDIATE holds the whole database's write lock. On
   * PostgreSQL the transaction takes an advisory lock first and runs READ COMMITTED, so its reads come after the wait.
   */
  lock?: string;
}

/** A query prepared once and run many times with its placeholders filled. */
export interface PreparedQuery<T> {
  all(params: Record<string, unknown>): Promise<T[]>;
  get(params: Record<string, unknown>): Promise<T | undefined>;
}

export interface Database extends Queries {
  /**
   * Runs `work` in one write transaction, committed when it resolves and rolled back when it throws. Inside, only
   * database calls through `tx` may be awaited (never the network, Argon2 or a query outside `tx`): on SQLite the
   * whole process waits for the transaction, and on PostgreSQL the work may run again after a serialisation failure.
   */
  transaction<T>(work: (tx: Queries) => Promise<T>, options?: TransactionOptions): Promise<T>;
  prepare<T>(build: (db: Drizzle) => { all(): T[]; prepare(): unknown }): PreparedQuery<T>;
  /** True when the database answers a query. */
  answers(): Promise<boolean>;
  close(): Promise<void>;
  /** The builder itself, for operator commands and tests that run engine-specific statements. */
  readonly drizzle: Drizzle;
}
