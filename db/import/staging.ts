// Staged rows sit in key order (sqlite-import.ts sorts them in as they are read): applying in key order turns the
// database's index inserts and look-ups from random into sequential, which is what keeps 2.3 M rows fast.
import type Database from 'better-sqlite3';
import type { StagedLines } from './staged-rows';
import type { Repeat } from './whole-file-problems';

/** Rows whose key equals the previous row's in key order: repeats within the file, with an earlier line. */
export function repeatedKeys(sqlite: Database.Database, table: string, key: readonly string[], fileLines: StagedLines): Repeat[] {
  const same = key.map((column) => `p.${column} = s.${column}`).join(' AND ');
  const rows = sqlite
    .prepare(
      `SELECT s.seq, p.seq AS first, ${key.map((column) => `s.${column}`).join(', ')}
      FROM temp.${table} s JOIN temp.${table} p ON p.rowid = s.rowid - 1 WHERE ${same} ORDER BY s.seq`,
    )
    .raw()
    .all() as Array<[number, number, ...string[]]>;
  return rows.map(([seq, first, ...values]) => ({ line: fileLines.lineOf(seq), first: fileLines.lineOf(first), key: values }));
}

export function lastRowid(sqlite: Database.Database, table: string): number {
  return (sqlite.prepare(`SELECT coalesce(max(rowid), 0) AS last FROM temp.${table}`).get() as { last: number }).last;
}
