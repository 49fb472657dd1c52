// The optional accounts columns holder_phone, authorized_phones and language (DESIGN section 5): who holds each line,
// refused rows named by line, and what a re-import does to the people who signed in.
import { desc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getCustomerSession } from '../../app/services/session.server';
import { accountLines, accounts, auditEvents, passkeys, sessions } from '../../db/tables';
import { customerWithPasskey, signedInBrowser } from '../../tests/helpers/customers';
import { testDatabase } from '../../tests/helpers/db';
import { ACCOUNTS_HEADER, emptyImportTables, importText } from '../../tests/helpers/import-files';
import { canonicalAccountRowWithPeople } from './account-fast-path';
import { ACCOUNT_COLUMNS, accountRowWithPeopleSchema, PEOPLE_COLUMNS } from './account-row';

const HEADER = `${ACCOUNTS_HEADER},holder_phone,authorized_phones,language`;
const FAMILY = '100000009,postpaid,Drew Kim,73301,,drew@example.com,+15125550113;+15125550110;+15125550111;+15125550112,';

function lines() {
  return testDatabase().all((q) =>
    q
      .select({ account_number: accounts.accountNumber, phone: accountLines.phone, role: accountLines.role })
      .from(accountLines)
      .innerJoin(accounts, eq(accounts.id, accountLines.accountId))
      .orderBy(accounts.accountNumber, accountLines.phone),
  );
}

const languageOf = async (accountNumber: string) =>
  (
    await testDatabase().get((q) =>
      q.select({ language: accounts.language }).from(accounts).where(eq(accounts.accountNumber, accountNumber)),
    )
  )?.language;

beforeEach(emptyImportTables);

describe('accounts import: holder, authorized users and language', () => {
  it('stores the holder, the authorized users and the language; every other line is a line user', async () => {
    const summary = await importText('accounts', [HEADER, `${FAMILY},+15125550110,+15125550111,es-US`]);
    expect(summary).toMatchObject({ outcome: 'succeeded', inserted: 1, errorCount: 0 });
    expect(await lines()).toEqual([
      { account_number: '100000009', phone: '+15125550110', role: 'holder' },
      { account_number: '100000009', phone: '+15125550111', role: 'authorized' },
      { account_number: '100000009', phone: '+15125550112', role: 'line' },
      { account_number: '100000009', phone: '+15125550113', role: 'line' },
    ]);
    expect(await languageOf('100000009')).toBe('es');
  });

  it('without holder_phone the holder is the first of phones as written, and the language English', async () => {
    await importText('accounts', [HEADER, `${FAMILY},,,`]);
    expect((await lines()).filter((line) => (line as { role: string }).role !== 'line')).toEqual([
      { account_number: '100000009', phone: '+15125550113', role: 'holder' },
    ]);
    expect(await languageOf('100000009')).toBe('en');
    // A file without the three columns says the same: the first phone is the holder's.
    await importText('accounts', [ACCOUNTS_HEADER, '100000001,postpaid,Jordan Rivera,98006,,,+12065550102;+12065550101,']);
    expect((await lines()).filter((line) => (line as { account_number: string }).account_number === '100000001')).toEqual([
      { account_number: '100000001', phone: '+12065550101', role: 'line' },
      { account_number: '100000001', phone: '+12065550102', role: 'holder' },
    ]);
  });

  it('takes the columns in any order and case, formatted phones and a language tag in capitals', async () => {
    const summary = await importText('accounts', [
      'Language,Holder_Phone,account_number,account_type,holder_name,billing_zip,billing_address,email,phones,birth_date,AUTHORIZED_PHONES',
      'ES,(512) 555-0111,100000009,postpaid,Drew Kim,73301,,,+15125550110;+15125550111,,512-555-0110',
    ]);
    expect(summary.errors).toEqual([]);
    expect(await lines()).toEqual([
      { account_number: '100000009', phone: '+15125550110', role: 'authorized' },
      { account_number: '100000009', phone: '+15125550111', role: 'holder' },
    ]);
    expect(await languageOf('100000009')).toBe('es');
  });

  it('refuses every bad row with its line number and reason, and imports nothing', async () => {
    const summary = await importText('accounts', [
      HEADER,
      `${FAMILY},+15125550199,,en`,
      '100000002,postpaid,Avery Chen,98101,,,+12065550103,,+12065550103,+12065550104,en',
      '100000003,postpaid,Sam Patel,98052,,,+12065550104;+12065550105,,+12065550104,+12065550104,',
      '100000004,prepaid,Riley Johnson,97201,,,+15035550105,,,,fr',
      '100000005,prepaid,Morgan Lee,97035,,,+15035550106;+15035550107,,,+15035550106,',
    ]);
    expect(summary).toMatchObject({ outcome: 'failed', errorCount: 5, inserted: 0 });
    expect(summary.errors).toEqual([
      'line 2, column holder_phone: not one of the phones on this row (got "+15125550199")',
      'line 3, column authorized_phones: +12065550104 is not one of the phones on this row (got "+12065550104")',
      "line 4, column authorized_phones: +12065550104 is the holder's line; a line is the holder's or an authorized user's, not both (got \"+12065550104\")",
      'line 5, column language: expected en or es (a tag such as es-US means es) (got "fr")',
      "line 6, column authorized_phones: +15035550106 is the holder's line; a line is the holder's or an authorized user's, not both (got \"+15035550106\")",
    ]);
    expect(await lines()).toEqual([]);
  });

  it('refuses a header with only some of the three columns, naming the missing ones', async () => {
    const summary = await importText('accounts', [`${ACCOUNTS_HEADER},holder_phone`, `${FAMILY},+15125550110`]);
    expect(summary.outcome).toBe('failed');
    expect(summary.errors).toEqual([
      `line 1, column authorized_phones: missing from the header; the header must be ${HEADER}`,
      `line 1, column language: missing from the header; the header must be ${HEADER}`,
    ]);
  });

  it('is idempotent with the columns, and a changed role alone is an update', async () => {
    const row = `${FAMILY},+15125550110,+15125550111,es`;
    await importText('accounts', [HEADER, row]);
    expect(await importText('accounts', [HEADER, row])).toMatchObject({ outcome: 'succeeded', inserted: 0, updated: 0, unchanged: 1 });
    expect(await importText('accounts', [HEADER, `${FAMILY},+15125550110,+15125550112,es`])).toMatchObject({ updated: 1, unchanged: 0 });
    expect(await importText('accounts', [HEADER, `${FAMILY},+15125550110,+15125550112,en`])).toMatchObject({ updated: 1 });
  });

  it("a re-import that changes a person's role changes their rights at once", async () => {
    await importText('accounts', [HEADER, `${FAMILY},+15125550110,,en`]);
    const { customer } = await customerWithPasskey('100000009', undefined, '+15125550111');
    const browser = await signedInBrowser(customer.id);
    expect((await getCustomerSession(browser.request('/account')))!.role).toBe('line');
    await importText('accounts', [HEADER, `${FAMILY},+15125550111,,en`]);
    expect((await getCustomerSession(browser.request('/account')))!.role).toBe('holder');
  });

  it('a person whose line left the account loses access at once: sessions ended, passkeys removed, audited', async () => {
    await importText('accounts', [HEADER, `${FAMILY},+15125550110,,en`]);
    const { customer } = await customerWithPasskey('100000009', undefined, '+15125550112');
    const browser = await signedInBrowser(customer.id);
    expect(await getCustomerSession(browser.request('/account'))).not.toBeNull();
    const summary = await importText('accounts', [
      HEADER,
      '100000009,postpaid,Drew Kim,73301,,drew@example.com,+15125550110;+15125550111;+15125550113,,+15125550110,,en',
    ]);
    expect(summary).toMatchObject({ outcome: 'succeeded', updated: 1, accessEnded: 1 });
    expect(await getCustomerSession(browser.request('/account'))).toBeNull();
    const db = testDatabase();
    expect(await db.all((q) => q.select().from(passkeys).where(eq(passkeys.customerId, customer.id)))).toEqual([]);
    expect(await db.all((q) => q.select().from(sessions).where(eq(sessions.customerId, customer.id)))).toEqual([]);
    const audit = (await db.get((q) =>
      q
        .select({ actor_type: auditEvents.actorType, actor_id: auditEvents.actorId, details: auditEvents.details })
        .from(auditEvents)
        .where(eq(auditEvents.action, 'person.access_removed'))
        .orderBy(desc(auditEvents.id))
        .limit(1),
    ))!;
    expect(audit).toMatchObject({ actor_type: 'operator', actor_id: 'test' });
    expect(audit.details).toEqual({
      personId: customer.id,
      reason: 'their line left the account in an import',
      sessions: 1,
      passkeys: 1,
    });
  });
});

describe('the canonical fast path with the people columns', () => {
  const record = (fields: string[]) => Object.fromEntries([...ACCOUNT_COLUMNS, ...PEOPLE_COLUMNS].map((column, i) => [column, fields[i]]));
  const base = ['100000009', 'postpaid', 'Drew Kim', '73301', '', '', '+15125550113;+15125550110;+15125550111'];

  it.each([[['', '', '', '']], [['', '+15125550110', '+15125550111', 'es']], [['1979-07-04', '', '+15125550111;+15125550110', 'en']]])(
    'agrees with the schema on %j',
    (extra) => {
      const fields = [...base, ...extra];
      const fast = canonicalAccountRowWithPeople(fields);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(accountRowWithPeopleSchema.parse(record(fields)));
    },
  );

  it.each([
    ['a holder not on the row', ['', '+15125550199', '', '']],
    ['an authorized line that is the holder', ['', '', '+15125550113', '']],
    ['a language tag', ['', '', '', 'es-US']],
    ['an authorized line twice', ['', '', '+15125550111;+15125550111', '']],
  ])('leaves %s to the schema', (_case, extra) => {
    expect(canonicalAccountRowWithPeople([...base, ...extra])).toBeNull();
  });
});
