// The Database on PostgreSQL through drizzle's node-postgres driver. Write transactions are SERIALIZABLE, so the
// read-then-write rules SQLite gets from its single writer (never the last passkey, one pending reset, one staff row
// per invite) hold here too; a transaction that loses a serialisation race runs again, a few times at most, each
// after a random pause that doubles: 64 customers enrolling at once lost 1 in 20 journeys to a 500 with 8 quick retries.
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { QueryResult } from 'pg';
import { openPostgres, type PgDb } from './client.pg';
import type { Database, Drizzle, PreparedQuery, Queries } from './database';
import { asTransactionWork, refuseInsideTransaction } from './transaction-scope';

const RETRIES = 10;
// Up to 8, 16, … ms, at most a second: about 1.5 s of waiting on average before the last try.
const retryPauseMs = (attempt: number) => Math.random() * Math.min(1000, 2 ** (attempt + 2));
// serialization_failure, deadlock_detected
const isRetryable = (error: unknown) =>
  ['40001', '40P01'].includes(String((error as { code?: unknown })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code));

type PgBuilder = NodePgDatabase<Record<string, never>>;

function queriesOn(pg: PgBuilder): Queries {
  const drizzle = pg as unknown as Drizzle;
  const rows = async <T>(query: unknown) => (await (query as PromiseLike<T[]>)) ?? [];
  return {
    dialect: 'postgres',
    all: (build) => rows(build(drizzle)),
    get: async (build) => (await rows<never>(build(drizzle)))[0],
    run: async (build) => (await (build(drizzle) as unknown as PromiseLike<QueryResult>)).rowCount ?? 0,
  };
}

/** The database's own queries, which a transaction's work must not use (transaction-scope.ts). */
function outsideTransactions(queries: Queries): Queries {
  return {
    dialect: queries.dialect,
    all: (build) => (refuseInsideTransaction(), queries.all(build)),
    get: (build) => (refuseInsideTransaction(), queries.get(build)),
    run: (build) => (refuseInsideTransaction(), queries.run(build)),
  };
}

let preparedNames = 0;

export function postgresDatabase(db: PgDb): Database & { readonly pool: PgDb['$client'] } {
  const top = outsideTransactions(queriesOn(db as unknown as PgBuilder));
  return {
    ...top,
    async transaction(work, options = {}) {
      refuseInsideTransaction();
      const { lock } = options;
      for (let attempt = 1; ; attempt++) {
        try {
          if (lock === undefined)
            return await db.transaction((tx) => asTransactionWork(() => work(queriesOn(tx as unknown as PgBuilder))), {
              isolationLevel: 'serializable',
            });
          return await db.transaction(
            async (tx) => {
              // hashtext gives the lock a number from its name; it is held until the transaction ends.
              await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${lock}))`);
              return asTransactionWork(() => work(queriesOn(tx as unknown as PgBuilder)));
            },
            { isolationLevel: 'read committed' },
          );
        } catch (error) {
          if (!isRetryable(error) || attempt >= RETRIES) throw error;
          await new Promise((resolve) => setTimeout(resolve, retryPauseMs(attempt)));
        }
      }
    },
    prepare<T>(build: (db: Drizzle) => { prepare(): unknown }): PreparedQuery<T> {
      const name = `q${++preparedNames}`;
      let prepared: { execute(params: Record<string, unknown>): Promise<T[]> } | undefined;
      const statement = () =>
        (prepared ??= (build(db as unknown as Drizzle) as unknown as { prepare(name: string): typeof prepared }).prepare(name)!);
      return {
        all: (params) => (refuseInsideTransaction(), statement().execute(params)),
        get: async (params) => (refuseInsideTransaction(), (await statement().execute(params))[0]),
      };
    },
    async answers() {
      try {
        const result = await db.execute<{ ok: number }>(sql`select 1 as ok`);
        return result.rows[0]?.ok === 1;
      } catch {
        return false;
      }
    },
    async close() {
      await db.$client.end();
    },
    drizzle: db as unknown as Drizzle,
    pool: db.$client,
  };
}

export function openPostgresDatabase(
  url: string,
  options: { max?: number; onConnectionError?: (error: Error) => void } = {},
): Database & { readonly pool: PgDb['$client'] } {
  return postgresDatabase(openPostgres(url, options));
}
