// Staged rows are written in file order, then copied once in key order: applying in key order turns the
// database's index inserts and look-ups from random into sequential, which is what keeps 2.3 M rows fast.
import type Database from 'better-sqlite3';
import type { Repeat } from './whole-file-problems';

/** Replaces temp.<table>_raw with temp.<table> whose rowids follow (key..., line). */
export function sortStaged(sqlite: Database.Database, table: string, key: readonly string[]): void {
  sqlite.exec(`CREATE TABLE temp.${table} AS SELECT * FROM temp.${table}_raw ORDER BY ${key.join(', ')}, line;
    DROP TABLE temp.${table}_raw`);
}

/** Rows whose key equals the previous row's in key order: repeats within the file, with an earlier line. */
export function repeatedKeys(sqlite: Database.Database, table: string, key: readonly string[]): Repeat[] {
  const same = key.map((column) => `p.${column} = s.${column}`).join(' AND ');
  const rows = sqlite
    .prepare(
      `SELECT s.line, p.line AS first, ${key.map((column) => `s.${column}`).join(', ')}
      FROM temp.${table} s JOIN temp.${table} p ON p.rowid = s.rowid - 1 WHERE ${same} ORDER BY s.line`,
    )
    .raw()
    .all() as Array<[number, number, ...string[]]>;
  return rows.map(([line, first, ...values]) => ({ line, first, key: values }));
}

export function lastRowid(sqlite: Database.Database, table: string): number {
  return (sqlite.prepare(`SELECT coalesce(max(rowid), 0) AS last FROM temp.${table}`).get() as { last: number }).last;
}

const ROWS_PER_STATEMENT = 64;

/** Inserts staged rows 64 to a statement: one call into SQLite instead of 64 is most of the staging cost saved. */
export class StagingWriter {
  /** Callers push one row's values here, then call added(). */
  readonly params: unknown[] = [];
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;

  constructor(
    sqlite: Database.Database,
    table: string,
    private readonly columns: number,
  ) {
    const row = `(${Array(columns).fill('?').join(', ')})`;
    this.many = sqlite.prepare(`INSERT INTO temp.${table} VALUES ${Array(ROWS_PER_STATEMENT).fill(row).join(', ')}`);
    this.one = sqlite.prepare(`INSERT INTO temp.${table} VALUES ${row}`);
  }

  added(): void {
    if (this.params.length < ROWS_PER_STATEMENT * this.columns) return;
    this.many.run(this.params);
    this.params.length = 0;
  }

  flush(): void {
    for (let i = 0; i < this.params.length; i += this.columns) this.one.run(this.params.slice(i, i + this.columns));
    this.params.length = 0;
  }
}
