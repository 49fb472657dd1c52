// A PostgreSQL restart, failover or administrator may end the portal's idle connections: the process must not die
// of it (an error event on a pool nobody listens to is an uncaught exception), and the next query opens another.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../tests/helpers/pg-database';
import type { PgDb } from './client.pg';
import { openPostgresDatabase } from './database.pg';

const postgres = await freshPostgresDatabase('connection_lost');
afterAll(() => postgres?.drop());

describe.skipIf(postgres === null)('a PostgreSQL connection the server ends', () => {
  it('is reported, not thrown, and the next query works on a new connection', async () => {
    const reported: Error[] = [];
    const db = openPostgresDatabase(postgres!.url, { max: 1, onConnectionError: (error) => reported.push(error) });
    try {
      const pid = (await (db.drizzle as unknown as PgDb).execute<{ pid: number }>(sql`select pg_backend_pid() as pid`)).rows[0]!.pid;
      const admin = new pg.Client({ connectionString: postgres!.url });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await admin.end();
      await expect.poll(() => reported.length).toBe(1);
      expect(await db.answers()).toBe(true);
    } finally {
      await db.close();
    }
  });
});
