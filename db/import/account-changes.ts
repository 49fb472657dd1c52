// What makes a re-imported account an update, on either engine: any of its compared columns, or its lines with their
// roles. A row's lines are its sorted E.164 numbers (always 12 characters), each followed by its role's mark:
// "+12065550101#h" the holder's, "+12065550102#a" an authorized user's, a bare number a line user's. One sorted list
// then compares a row's phones and roles with the account's at once.
import type { AccountRow } from './account-row';

/** The accounts columns an import writes and compares; the PIN and the demo flag are the portal's own. */
export const COMPARED_COLUMNS = [
  'account_type',
  'holder_name',
  'billing_zip',
  'billing_address',
  'email',
  'birth_date',
  'language',
] as const;

export const ROLE_MARK = { holder: '#h', authorized: '#a', line: '' } as const;

/** The number's length in a marked line: what follows it is the role's mark. */
export const PHONE_LENGTH = 12;

const markedLine = (row: AccountRow, phone: string) =>
  phone === row.holder_phone ? phone + ROLE_MARK.holder : row.authorized_phones.includes(phone) ? phone + ROLE_MARK.authorized : phone;

export function markedLines(row: AccountRow): string[] {
  return row.phones.map((phone) => markedLine(row, phone));
}

/** JSON.stringify(markedLines(row)), written out: a validated row's numbers are E.164, with nothing to escape. */
export function markedLinesJson(row: AccountRow): string {
  let json = '["';
  for (let i = 0; i < row.phones.length; i++) json += (i === 0 ? '' : '","') + markedLine(row, row.phones[i]!);
  return `${json}"]`;
}

/** SQL turning account_lines' phone and role into a marked line (the same on SQLite and PostgreSQL). */
export const MARKED_LINE = `phone || CASE role WHEN 'holder' THEN '${ROLE_MARK.holder}' WHEN 'authorized' THEN '${ROLE_MARK.authorized}' ELSE '' END`;

/** SQL taking the number and the role back out of a marked line. */
export const linePhone = (value: string) => `substr(${value}, 1, ${PHONE_LENGTH})`;
export const lineRole = (value: string) =>
  `CASE substr(${value}, ${PHONE_LENGTH + 1}) WHEN '${ROLE_MARK.holder}' THEN 'holder' WHEN '${ROLE_MARK.authorized}' THEN 'authorized' ELSE 'line' END`;
