// The hot path for accounts: a row already in canonical form is accepted without zod (zod costs ~20 µs a row,
// 46 s for 2.3 M); anything else goes through accountRowSchema, which normalises it or says what is wrong.
// It only ever accepts, never rejects, and uses the schema's own patterns (account-fast-path.test.ts checks they agree).
import { ACCOUNT_NUMBER, CONTROL_CHARACTER, E164_US, EMAIL, isRealDate, MAX_TEXT, ZIP, type AccountRow } from './account-row';

const NO_ONE_AUTHORIZED: string[] = [];

// As zod's .trim() (String.prototype.trim): Unicode spaces too, such as a no-break space; V8 returns the same string when
// there is nothing to trim, so this allocates nothing for a canonical value.
const isTrimmed = (value: string) => value.trim() === value;

export function canonicalAccountRow(fields: readonly string[]): AccountRow | null {
  const [accountNumber, accountType, holderName, billingZip, billingAddress, email, phones, birthDate] = fields as string[];
  if (!ACCOUNT_NUMBER.test(accountNumber!)) return null;
  if (accountType !== 'prepaid' && accountType !== 'postpaid') return null;
  if (holderName!.length === 0 || holderName!.length > MAX_TEXT || !isTrimmed(holderName!) || CONTROL_CHARACTER.test(holderName!))
    return null;
  if (!ZIP.test(billingZip!)) return null;
  if (
    billingAddress !== '' &&
    (billingAddress!.length > MAX_TEXT || !isTrimmed(billingAddress!) || CONTROL_CHARACTER.test(billingAddress!))
  ) {
    return null;
  }
  if (email !== '' && (email!.length > 254 || !EMAIL.test(email!))) return null;
  if (birthDate !== '' && !isRealDate(birthDate!)) return null;
  const phoneList = phones!.split(';');
  for (const phone of phoneList) if (!E164_US.test(phone)) return null;
  return {
    account_number: accountNumber!,
    account_type: accountType,
    holder_name: holderName!,
    billing_zip: billingZip!,
    billing_address: billingAddress === '' ? null : billingAddress!,
    email: email === '' ? null : email!,
    phones: phoneList.length === 1 ? phoneList : [...new Set(phoneList)].sort(),
    birth_date: birthDate === '' ? null : birthDate!,
    holder_phone: phoneList[0]!,
    authorized_phones: NO_ONE_AUTHORIZED,
    language: 'en',
  };
}

/** The same with the people columns: the holder and authorized lines among the row's phones, none twice, en or es. */
export function canonicalAccountRowWithPeople(fields: readonly string[]): AccountRow | null {
  const row = canonicalAccountRow(fields);
  if (row === null) return null;
  const [holderPhone, authorizedPhones, language] = fields.slice(8) as [string, string, string];
  if (language !== '' && language !== 'en' && language !== 'es') return null;
  if (holderPhone !== '' && !row.phones.includes(holderPhone)) return null;
  const holder = holderPhone === '' ? row.holder_phone : holderPhone;
  const authorized = authorizedPhones === '' ? NO_ONE_AUTHORIZED : authorizedPhones.split(';');
  for (const [index, phone] of authorized.entries()) {
    if (phone === holder || !row.phones.includes(phone) || authorized.indexOf(phone) !== index) return null;
  }
  return {
    ...row,
    holder_phone: holder,
    authorized_phones: authorized.length > 1 ? [...authorized].sort() : authorized,
    language: language === 'es' ? 'es' : 'en',
  };
}
