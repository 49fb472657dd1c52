// One accounts.csv row (DESIGN section 5): the zod schema that normalises obvious formatting and names what is wrong.
import { z } from 'zod';

export const ACCOUNT_COLUMNS = [
  'account_number',
  'account_type',
  'holder_name',
  'billing_zip',
  'billing_address',
  'email',
  'phones',
  'birth_date',
] as const;

/** Optional as a group (DESIGN section 5): files without them import as before. */
export const PEOPLE_COLUMNS = ['holder_phone', 'authorized_phones', 'language'] as const;
export const LANGUAGES = ['en', 'es'] as const;

// Shared with the fast path in account-fast-path.ts, so both accept exactly the same canonical values.
export const ACCOUNT_NUMBER = /^\d{9}$/;
export const ZIP = /^\d{5}(?:-\d{4})?$/;
export const E164_US = /^\+1[2-9]\d{2}[2-9]\d{6}$/;
export const EMAIL =
  /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MAX_TEXT = 200;
/** Control characters other than tab and line breaks: never in a name or an address, and PostgreSQL text cannot hold NUL. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const NO_CONTROL_CHARACTER = 'contains a control character (such as a NUL byte left by an export); remove it';
const freeText = (schema: z.ZodString) => schema.refine((value) => !CONTROL_CHARACTER.test(value), NO_CONTROL_CHARACTER);

const optional = (schema: z.ZodType<string>) =>
  z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .pipe(schema.nullable());

/** "(206) 555-0101", "206.555.0101", "1 206 555 0101" → "+12065550101"; anything else is left to fail. */
export function normalisePhone(raw: string): string {
  const trimmed = raw.trim();
  if (E164_US.test(trimmed)) return trimmed;
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return trimmed;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length === 10 && !trimmed.startsWith('+')) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return trimmed;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAY_MS = 86_400_000;
let today = { from: 0, until: 0, date: '' };

/** Today's date in UTC as YYYY-MM-DD, worked out again only when the clock leaves the day (or goes back). */
function todayUtc(): string {
  const now = Date.now();
  if (now < today.from || now >= today.until) {
    const from = Math.floor(now / DAY_MS) * DAY_MS;
    today = { from, until: from + DAY_MS, date: new Date(from).toISOString().slice(0, 10) };
  }
  return today.date;
}

const digit = (value: string, at: number) => value.charCodeAt(at) - 48;

/** A calendar date from 1900 to today (UTC). Called for every row with a birth date, so no Date is made for it. */
export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  // ISO dates compare as strings: on or before today.
  return day <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0) && value <= todayUtc();
}

/** "es-US", "ES", " es " → "es"; anything that is not English or Spanish is left to fail. */
export function normaliseLanguage(raw: string): string {
  return raw.trim().toLowerCase().split(/[-_]/)[0]!;
}

const accountFields = z.object({
  account_number: z.string().trim().regex(ACCOUNT_NUMBER, 'expected 9 digits'),
  account_type: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['prepaid', 'postpaid'], { message: 'expected prepaid or postpaid' })),
  holder_name: freeText(z.string().trim().min(1, 'required').max(MAX_TEXT, `longer than ${MAX_TEXT} characters`)),
  billing_zip: z
    .string()
    .trim()
    .transform((zip) => (/^\d{9}$/.test(zip) ? `${zip.slice(0, 5)}-${zip.slice(5)}` : zip))
    .pipe(
      z
        .string()
        .min(1, 'required')
        .regex(ZIP, 'expected 5 digits or ZIP+4 such as 98006 or 98006-1234 (a spreadsheet may have dropped a leading zero)'),
    ),
  billing_address: optional(freeText(z.string().max(MAX_TEXT, `longer than ${MAX_TEXT} characters`))),
  email: optional(z.string().max(254, 'longer than 254 characters').regex(EMAIL, 'expected an email address such as name@example.com')),
  // File order is kept until the holder's default (the first phone) is known; the row's phones are then sorted.
  phones: z
    .string()
    .transform((list) => [
      ...new Set(
        list
          .split(';')
          .map(normalisePhone)
          .filter((phone) => phone !== ''),
      ),
    ])
    .pipe(
      z
        .array(z.string().regex(E164_US, 'expected US numbers as +1 and 10 digits (such as +12065550101), separated by ";"'))
        .min(1, 'required: at least one phone number'),
    ),
  birth_date: optional(z.string().refine(isRealDate, 'expected a real past date as YYYY-MM-DD')),
});

const phoneList = z.string().transform((list) => [
  ...new Set(
    list
      .split(';')
      .map(normalisePhone)
      .filter((phone) => phone !== ''),
  ),
]);

const peopleFields = accountFields.extend({
  holder_phone: z.string().transform(normalisePhone),
  authorized_phones: phoneList,
  language: z
    .string()
    .transform((value) => (value.trim() === '' ? 'en' : normaliseLanguage(value)))
    .pipe(z.enum(LANGUAGES, { message: 'expected en or es (a tag such as es-US means es)' })),
});

type AccountFields = z.output<typeof accountFields>;

export interface AccountRow extends Omit<AccountFields, 'phones'> {
  /** Sorted. */
  phones: string[];
  holder_phone: string;
  authorized_phones: string[];
  language: (typeof LANGUAGES)[number];
}

const finish = (
  row: AccountFields & Partial<Pick<AccountRow, 'authorized_phones' | 'language'>> & { holder_phone?: string },
): AccountRow => ({
  ...row,
  phones: [...row.phones].sort(),
  holder_phone: row.holder_phone || row.phones[0]!,
  authorized_phones: [...(row.authorized_phones ?? [])].sort(),
  language: row.language ?? 'en',
});

/** The eight columns every accounts file has. */
export const accountRowSchema = accountFields.transform(finish);

/** With holder_phone, authorized_phones and language: each line named must be one of the row's phones, and no line both. */
export const accountRowWithPeopleSchema = peopleFields
  .superRefine((row, context) => {
    if (!Array.isArray(row.phones)) return; // phones itself was refused
    const onAccount = new Set(row.phones);
    if (row.holder_phone !== '' && !onAccount.has(row.holder_phone)) {
      context.addIssue({ code: 'custom', path: ['holder_phone'], message: 'not one of the phones on this row' });
    }
    const holder = row.holder_phone || row.phones[0];
    for (const phone of row.authorized_phones ?? []) {
      if (!onAccount.has(phone)) {
        context.addIssue({ code: 'custom', path: ['authorized_phones'], message: `${phone} is not one of the phones on this row` });
      } else if (phone === holder) {
        context.addIssue({
          code: 'custom',
          path: ['authorized_phones'],
          message: `${phone} is the holder's line; a line is the holder's or an authorized user's, not both`,
        });
      }
    }
  })
  .transform(finish);
