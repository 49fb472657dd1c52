// The new rows of an import get their ids from one block of the table's sequence, reserved when the apply starts:
// the rows that refer to them (lines, directory entries) then know each id from the plan alone, with no read back.
import type pg from 'pg';

/** Reserves `count` consecutive ids and returns the one before the first (its rows add their rank, 1..count). */
export async function reserveIds(client: pg.ClientBase, table: string, count: number): Promise<number> {
  if (count === 0) return 0;
  const sequence = (await client.query<{ name: string }>('SELECT pg_get_serial_sequence($1, $2) AS name', [table, 'id'])).rows[0]!.name;
  const { first, last } = (
    await client.query<{ first: string; last: string }>(
      `SELECT min(id) AS first, max(id) AS last FROM (SELECT nextval(${client.escapeLiteral(sequence)}::regclass) AS id FROM generate_series(1, $1)) ids`,
      [count],
    )
  ).rows[0]!;
  // Another session drawing from the sequence meanwhile (someone adding rows by hand) leaves a gap: start again then.
  if (Number(last) - Number(first) + 1 !== count) {
    throw new Error(`rows were being added to ${table} by another session while the import reserved ids; run it again`);
  }
  return Number(first) - 1;
}
