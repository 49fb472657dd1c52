// The whole-file checks' messages, worded once: each engine finds the repeats and unknown accounts in its own SQL,
// and the operator reads the same lines either way.
import type { RowErrors } from './row-errors';

/** A row whose key an earlier line of the file already had. */
export interface Repeat {
  line: number;
  first: number;
  key: string[];
}

export function reportRepeatedAccounts(errors: RowErrors, repeats: readonly Repeat[]): void {
  for (const { line, first, key } of repeats) errors.add(line, 'account_number', `${key[0]} is already on line ${first}`);
}

/** Repeats and unknown accounts by line, a line's repeat before its unknown account. */
export function reportExposureProblems(
  errors: RowErrors,
  repeats: readonly Repeat[],
  unknown: ReadonlyArray<{ line: number; accountNumber: string }>,
): void {
  const problems = [
    ...repeats.map(({ line, first, key: [account, incident] }) => ({
      line,
      column: 'incident',
      reason: `${account} in ${incident} is already on line ${first}`,
    })),
    ...unknown.map(({ line, accountNumber }) => ({
      line,
      column: 'account_number',
      reason: `no account ${accountNumber} in the database (import the accounts file first)`,
    })),
  ].sort((x, y) => x.line - y.line);
  for (const { line, column, reason } of problems) errors.add(line, column, reason);
}
