// COPY's text format, and each kind's row in it: kept apart from the COPY stream (copy-writer.ts) so the reading
// thread (read-worker.ts) can write the rows without loading the database driver.
import { markedLines } from '../account-changes';
import type { AccountRow } from '../account-row';
import type { ExposureRow } from '../exposure-row';
import type { ImportKindName } from '../import-options';
import { STAGED } from '../staged-rows';
import { LINE_SEPARATOR } from './accounts-plan';

// A backslash starts an escape, tab separates columns, a newline ends the row.
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text value in COPY's text format. */
export function copyText(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (character) => ESCAPED[character]!) : value;
}

/** The same for a value that may be SQL NULL. */
export function copyNullable(value: string | null): string {
  return value === null ? '\\N' : copyText(value);
}

const copyColumns = (kind: ImportKindName) => ['line', ...STAGED[kind].columns.map(([name]) => name)];

/** The staging tables' columns, in the order of the rows below: SQLite's staged columns, with the line first. */
export const COPY_COLUMNS: Record<ImportKindName, readonly string[]> = {
  accounts: copyColumns('accounts'),
  exposures: copyColumns('exposures'),
};

// Numbers, types, ZIPs, phones, dates and languages are validated formats: only the free text needs escaping.
const accountRow = (account: AccountRow, line: number) =>
  `${line}\t${account.account_number}\t${account.account_type}\t${copyText(account.holder_name)}\t${account.billing_zip}\t${copyNullable(account.billing_address)}\t${copyNullable(account.email)}\t${markedLines(account).join(LINE_SEPARATOR)}\t${account.birth_date ?? '\\N'}\t${account.language}`;

// Account numbers and incident ids are validated formats; fields are catalogue ids joined by ';'.
const exposureRow = (exposure: ExposureRow, line: number) =>
  `${line}\t${exposure.account_number}\t${exposure.incident}\t${copyText(exposure.fields)}`;

/** One valid row as a line of COPY text (without its newline), per kind. */
export const COPY_ROW: Record<ImportKindName, (row: unknown, line: number) => string> = {
  accounts: accountRow as (row: unknown, line: number) => string,
  exposures: exposureRow as (row: unknown, line: number) => string,
};
