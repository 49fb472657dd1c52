// A staged row whose key an earlier line already had, each against the line before it with that key (as on SQLite,
// where the stage is sorted by key and line): one window over the key and line columns only.
import type pg from 'pg';
import type { Repeat } from '../whole-file-problems';

export async function repeatedKeys(client: pg.ClientBase, table: string, key: readonly string[]): Promise<Repeat[]> {
  const columns = key.join(', ');
  const { rows } = await client.query<{ line: number; first: number; key: string[] }>(
    `SELECT line, first, ARRAY[${columns}] AS key FROM
      (SELECT line, ${columns}, lag(line) OVER (PARTITION BY ${columns} ORDER BY line) AS first FROM ${table}) ordered
    WHERE first IS NOT NULL ORDER BY line`,
  );
  return rows;
}
