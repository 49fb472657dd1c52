// The shape of a valid row in SQLite's staging table, per kind: its columns, the key it is sorted by, and the values
// one row stages. Kept apart from the kinds' SQL so the reading thread (read-worker.ts) can turn rows into values
// without loading anything of the database.
import { markedLinesJson } from './account-changes';
import type { AccountRow } from './account-row';
import type { ExposureRow } from './exposure-row';
import type { ImportKindName } from './import-options';

export interface StagedShape<Row> {
  /** The TEMP table's name (without the schema). */
  table: string;
  /**
   * Column names and types of the values a row stages. The table has one more column first, `seq`: the row's place
   * among the file's valid rows, which costs nothing to pass (the rows' own order) where a line number would be one
   * more value per row; StagedLines turns it back into the line.
   */
  columns: ReadonlyArray<readonly [name: string, type: string]>;
  /** Rowid order of the staged table: this key, then seq. */
  key: readonly string[];
  /** Appends one valid row's values, in column order. */
  values(row: Row, out: unknown[]): void;
}

const accounts: StagedShape<AccountRow> = {
  table: 'stage_accounts',
  columns: [
    ['account_number', 'TEXT NOT NULL'],
    ['account_type', 'TEXT NOT NULL'],
    ['holder_name', 'TEXT NOT NULL'],
    ['billing_zip', 'TEXT NOT NULL'],
    ['billing_address', 'TEXT'],
    ['email', 'TEXT'],
    // The row's marked lines (account-changes.ts) as a JSON array.
    ['lines', 'TEXT NOT NULL'],
    ['birth_date', 'TEXT'],
    ['language', 'TEXT NOT NULL'],
  ],
  key: ['account_number'],
  values(row, out) {
    out.push(
      row.account_number,
      row.account_type,
      row.holder_name,
      row.billing_zip,
      row.billing_address,
      row.email,
      markedLinesJson(row),
      row.birth_date,
      row.language,
    );
  },
};

const exposures: StagedShape<ExposureRow> = {
  table: 'stage_exposures',
  columns: [
    ['account_number', 'TEXT NOT NULL'],
    ['incident', 'TEXT NOT NULL'],
    ['fields', 'TEXT NOT NULL'],
  ],
  key: ['account_number', 'incident'],
  values(row, out) {
    out.push(row.account_number, row.incident, row.fields);
  },
};

// Rows stay opaque past this point: each shape knows its own.
export const STAGED: Record<ImportKindName, StagedShape<unknown>> = {
  accounts: accounts as unknown as StagedShape<unknown>,
  exposures: exposures as unknown as StagedShape<unknown>,
};

/**
 * The line of each valid row, by its seq (1 for the first): seq plus an offset that changes only where lines were not
 * valid rows one after the other (a bad or blank line, a quoted field over several lines), so a file takes a few
 * numbers, not one per row.
 */
export class StagedLines {
  /** Pairs of (first seq, offset), seq ascending. */
  constructor(readonly steps: number[] = []) {}

  /** Called for each valid row in order. */
  record(seq: number, line: number): void {
    const offset = line - seq;
    if (this.steps.length === 0 || this.steps[this.steps.length - 1] !== offset) this.steps.push(seq, offset);
  }

  lineOf(seq: number): number {
    let [low, high] = [0, this.steps.length / 2 - 1];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.steps[2 * middle]! <= seq) low = middle;
      else high = middle - 1;
    }
    return seq + this.steps[2 * low + 1]!;
  }
}
