import { asc, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { findAccountIdByPhone } from '../../app/models/agent-lookup.server';
import { accountLines, accounts, imports, phoneDirectory } from '../../db/tables';
import { testDatabase } from '../../tests/helpers/db';
import { ACCOUNTS_HEADER, emptyImportTables, importText, writeCsv, importFile } from '../../tests/helpers/import-files';

const JORDAN = '100000001,postpaid,Jordan Rivera,98006,"1 Main St, Bellevue WA",jordan@example.com,+12065550101;+12065550102,1984-03-09';
const AVERY = '100000002,prepaid,Avery Chen,98101,,,+12065550103,';

async function snapshot() {
  const db = testDatabase();
  return {
    accounts: await db.all((q) =>
      q
        .select({
          account_number: accounts.accountNumber,
          account_type: accounts.accountType,
          holder_name: accounts.holderName,
          billing_zip: accounts.billingZip,
          billing_address: accounts.billingAddress,
          email: accounts.email,
          birth_date: accounts.birthDate,
        })
        .from(accounts)
        .orderBy(accounts.accountNumber),
    ),
    lines: await db.all((q) =>
      q
        .select({ account_number: accounts.accountNumber, phone: accountLines.phone })
        .from(accountLines)
        .innerJoin(accounts, eq(accounts.id, accountLines.accountId))
        .orderBy(accounts.accountNumber, accountLines.phone),
    ),
  };
}

const idsAndUpdateTimes = () =>
  testDatabase().all((q) => q.select({ id: accounts.id, updatedAt: accounts.updatedAt }).from(accounts).orderBy(accounts.id));

const pairsOf = (table: typeof accountLines | typeof phoneDirectory) =>
  testDatabase().all((q) =>
    q.select({ accountId: table.accountId, phone: table.phone }).from(table).orderBy(asc(table.accountId), asc(table.phone)),
  );

const accountIdOf = async (accountNumber: string) =>
  (await testDatabase().get((q) => q.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, accountNumber))))!.id;

// account_lines has no foreign key (decision 015): the import alone keeps every line on an account.
const linesWithoutAnAccount = async () =>
  (
    await testDatabase().all((q) =>
      q
        .select({ phone: accountLines.phone })
        .from(accountLines)
        .leftJoin(accounts, eq(accounts.id, accountLines.accountId))
        .where(isNull(accounts.id)),
    )
  ).length;

beforeEach(emptyImportTables);

describe('accounts import', () => {
  it('imports a valid file with its phone lines', async () => {
    const summary = await importText('accounts', [ACCOUNTS_HEADER, JORDAN, AVERY]);
    expect(summary).toMatchObject({ outcome: 'succeeded', rows: 2, inserted: 2, updated: 0, unchanged: 0, errorCount: 0 });
    expect(await snapshot()).toEqual({
      accounts: [
        {
          account_number: '100000001',
          account_type: 'postpaid',
          holder_name: 'Jordan Rivera',
          billing_zip: '98006',
          billing_address: '1 Main St, Bellevue WA',
          email: 'jordan@example.com',
          birth_date: '1984-03-09',
        },
        {
          account_number: '100000002',
          account_type: 'prepaid',
          holder_name: 'Avery Chen',
          billing_zip: '98101',
          billing_address: null,
          email: null,
          birth_date: null,
        },
      ],
      lines: [
        { account_number: '100000001', phone: '+12065550101' },
        { account_number: '100000001', phone: '+12065550102' },
        { account_number: '100000002', phone: '+12065550103' },
      ],
    });
  });

  it('reads a gzip file', async () => {
    const file = writeCsv('accounts.csv.gz', `${ACCOUNTS_HEADER}\n${JORDAN}\n`, true);
    const summary = await importFile('accounts', file);
    expect(summary).toMatchObject({ outcome: 'succeeded', inserted: 1 });
  });

  it('accepts the quirks of real extracts: BOM, CRLF, header case and spaces, column order, padding, formatted phones, ZIP+4', async () => {
    const text =
      '\uFEFF Account_Number , ACCOUNT_TYPE,holder_name,billing_zip,billing_address,email,birth_date,phones\r\n' +
      '100000001 , PostPaid ,  Jordan Rivera ,980061234,"1 Main St,\r\nBellevue WA", jordan@example.com ,1984-03-09,(206) 555-0101; 206-555-0102 ;\r\n' +
      ',,,,,,,\r\n' +
      '100000002,prepaid,Avery Chen,98101-0001,,,,1 206 555 0103\r\n\r\n\r\n';
    const file = writeCsv('accounts.csv', text);
    const summary = await importFile('accounts', file);
    expect(summary.errors).toEqual([]);
    expect(summary).toMatchObject({ outcome: 'succeeded', rows: 2, inserted: 2 });
    const { accounts, lines } = await snapshot();
    expect(accounts[0]).toMatchObject({
      account_type: 'postpaid',
      holder_name: 'Jordan Rivera',
      billing_zip: '98006-1234',
      billing_address: '1 Main St,\r\nBellevue WA',
      email: 'jordan@example.com',
    });
    expect(accounts[1]).toMatchObject({ billing_zip: '98101-0001' });
    expect(lines.map((line) => (line as { phone: string }).phone)).toEqual(['+12065550101', '+12065550102', '+12065550103']);
  });

  it('keeps backslashes, tabs and line breaks in names and addresses as written', async () => {
    // PostgreSQL's COPY text format gives each of these a meaning of its own: the import escapes them.
    const summary = await importText('accounts', [
      ACCOUNTS_HEADER,
      '100000001,postpaid,"Jo\\\\an\tRivera",98006,"Unit 4\\\\B\n1 Main St",,+12065550101,',
    ]);
    expect(summary).toMatchObject({ outcome: 'succeeded', inserted: 1 });
    expect((await snapshot()).accounts[0]).toMatchObject({ holder_name: 'Jo\\\\an\tRivera', billing_address: 'Unit 4\\\\B\n1 Main St' });
  });

  it.each([
    [
      'bad account number',
      '10000001,postpaid,Jordan,98006,,,+12065550101,',
      'line 2, column account_number: expected 9 digits (got "10000001")',
    ],
    [
      'bad account type',
      '100000001,business,Jordan,98006,,,+12065550101,',
      'line 2, column account_type: expected prepaid or postpaid (got "business")',
    ],
    [
      'bad ZIP',
      '100000001,postpaid,Jordan,2134,,,+12065550101,',
      'line 2, column billing_zip: expected 5 digits or ZIP+4 such as 98006 or 98006-1234 (a spreadsheet may have dropped a leading zero) (got "2134")',
    ],
    [
      'bad phone',
      '100000001,postpaid,Jordan,98006,,,+12065550101;+442079460958,',
      'line 2, column phones: expected US numbers as +1 and 10 digits (such as +12065550101), separated by ";" (got "+12065550101;+442079460958")',
    ],
    ['missing phone', '100000001,postpaid,Jordan,98006,,,,', 'line 2, column phones: required: at least one phone number'],
    [
      'bad email',
      '100000001,postpaid,Jordan,98006,,jordan@,+12065550101,',
      'line 2, column email: expected an email address such as name@example.com (got "jordan@")',
    ],
    [
      'bad birth date',
      '100000001,postpaid,Jordan,98006,,,+12065550101,03/09/1984',
      'line 2, column birth_date: expected a real past date as YYYY-MM-DD (got "03/09/1984")',
    ],
    [
      'impossible birth date',
      '100000001,postpaid,Jordan,98006,,,+12065550101,1984-02-30',
      'line 2, column birth_date: expected a real past date as YYYY-MM-DD (got "1984-02-30")',
    ],
    ['missing holder name', '100000001,postpaid,  ,98006,,,+12065550101,', 'line 2, column holder_name: required'],
    ['holder name of only a no-break space', '100000001,postpaid,\u00A0,98006,,,+12065550101,', 'line 2, column holder_name: required'],
    // PostgreSQL text cannot hold NUL: one such byte used to fail the whole import there with the server's message.
    [
      'NUL byte in a name',
      '100000001,postpaid,Jor\u0000dan,98006,,,+12065550101,',
      'line 2, column holder_name: contains a control character (such as a NUL byte left by an export); remove it (got "Jor\\u0000dan")',
    ],
    [
      'control character in an address',
      '100000001,postpaid,Jordan,98006,1 Main St\u0007,,+12065550101,',
      'line 2, column billing_address: contains a control character (such as a NUL byte left by an export); remove it (got "1 Main St\\u0007")',
    ],
    [
      'too few columns',
      '100000001,postpaid,Jordan,98006,,,+12065550101',
      'line 2, column birth_date: expected 8 columns as in the header, found 7',
    ],
    [
      'too many columns',
      '100000001,postpaid,Jordan,98006,,,+12065550101,,extra',
      'line 2, column 9: expected 8 columns as in the header, found 9',
    ],
    [
      'stray quote',
      '100000001,postpaid,Jordan "J" Rivera,98006,,,+12065550101,',
      'line 2, column holder_name: quote inside an unquoted field (quote the field and double inner quotes)',
    ],
  ])('refuses a %s with line and column', async (_kind, row, message) => {
    const summary = await importText('accounts', [ACCOUNTS_HEADER, row]);
    expect(summary).toMatchObject({ outcome: 'failed', errorCount: 1, errors: [message] });
  });

  it('refuses a bad header and names the column', async () => {
    const summary = await importText('accounts', [
      'account_number,type,holder_name,billing_zip,billing_address,email,phones,birth_date',
      JORDAN,
    ]);
    expect(summary.outcome).toBe('failed');
    expect(summary.errors).toEqual([
      `line 1, column 2: unexpected column "type"; the header must be ${ACCOUNTS_HEADER}`,
      `line 1, column account_type: missing from the header; the header must be ${ACCOUNTS_HEADER}`,
    ]);
  });

  it('refuses an account number repeated in the file', async () => {
    const summary = await importText('accounts', [ACCOUNTS_HEADER, JORDAN, AVERY, JORDAN]);
    expect(summary.errors).toEqual(['line 4, column account_number: 100000001 is already on line 2']);
  });

  it('is all or nothing: one bad row leaves the database as it was', async () => {
    await importText('accounts', [ACCOUNTS_HEADER, AVERY]);
    const before = await snapshot();
    const good = Array.from(
      { length: 50 },
      (_, i) => `1000001${String(i).padStart(2, '0')},postpaid,Person ${i},98006,,,+1206555${String(2000 + i)},`,
    );
    const summary = await importText('accounts', [ACCOUNTS_HEADER, ...good, AVERY.replace('Avery Chen', 'Avery Changed'), 'bad,row'], {
      chunkRows: 7,
    });
    expect(summary).toMatchObject({ outcome: 'failed', errorCount: 1, inserted: 0, updated: 0 });
    expect(summary.errors).toEqual(['line 53, column holder_name: expected 8 columns as in the header, found 2']);
    expect(await snapshot()).toEqual(before);
  });

  it('shows the first 20 errors and counts them all', async () => {
    const bad = Array.from({ length: 25 }, () => '1,postpaid,Jordan,98006,,,+12065550101,');
    const summary = await importText('accounts', [ACCOUNTS_HEADER, ...bad]);
    expect(summary.errorCount).toBe(25);
    expect(summary.errors).toHaveLength(20);
    expect(summary.errors[19]).toMatch(/^line 21, column account_number:/);
  });

  it('changes nothing when the same file is imported again', async () => {
    const file = writeCsv('accounts.csv', `${ACCOUNTS_HEADER}\n${JORDAN}\n${AVERY}\n`);
    await importFile('accounts', file);
    const before = await idsAndUpdateTimes();
    const again = await importFile('accounts', file);
    expect(again).toMatchObject({ outcome: 'succeeded', rows: 2, inserted: 0, updated: 0, unchanged: 2 });
    expect(await idsAndUpdateTimes()).toEqual(before);
  });

  it('updates changed rows, replacing the set of phone lines, and leaves the PIN alone', async () => {
    await importText('accounts', [ACCOUNTS_HEADER, JORDAN, AVERY, '100000003,postpaid,Sam Patel,98052,,,+12065550104,']);
    await testDatabase().run((q) => q.update(accounts).set({ pinHash: 'kept' }).where(eq(accounts.accountNumber, '100000001')));
    const summary = await importText('accounts', [
      ACCOUNTS_HEADER,
      JORDAN.replace('98006', '98007'),
      AVERY.replace('+12065550103', '+12065550109;+12065550103'),
      '100000003,postpaid,Sam Patel,98052,,,+12065550104,',
      '100000004,prepaid,New Person,98052,,,+12065550105,',
    ]);
    expect(summary).toMatchObject({ outcome: 'succeeded', rows: 4, inserted: 1, updated: 2, unchanged: 1 });
    const { accounts: rows, lines } = await snapshot();
    expect(rows.map((account) => account.billing_zip)).toEqual(['98007', '98101', '98052', '98052']);
    expect(lines.filter((line) => line.account_number === '100000002')).toEqual([
      { account_number: '100000002', phone: '+12065550103' },
      { account_number: '100000002', phone: '+12065550109' },
    ]);
    expect(
      await testDatabase().get((q) =>
        q.select({ pin_hash: accounts.pinHash }).from(accounts).where(eq(accounts.accountNumber, '100000001')),
      ),
    ).toEqual({ pin_hash: 'kept' });
    expect(await linesWithoutAnAccount()).toBe(0);
  });

  it('keeps the phone look-up in step: added, removed and moved phones', async () => {
    const SAM = '100000003,postpaid,Sam Patel,98052,,,+12065550104,';
    await importText('accounts', [ACCOUNTS_HEADER, JORDAN, AVERY, SAM]);
    const numberOf = async (id: number) =>
      (await testDatabase().get((q) => q.select({ number: accounts.accountNumber }).from(accounts).where(eq(accounts.id, id))))!.number;
    const accountFor = async (phone: string) => Promise.all((await findAccountIdByPhone(phone)).map(numberOf));
    expect(await accountFor('+12065550102')).toEqual(['100000001']);
    expect(await accountFor('+12065550104')).toEqual(['100000003']);

    // Jordan drops 0102; Avery's 0103 moves to Sam; Avery gets 0109.
    await importText('accounts', [
      ACCOUNTS_HEADER,
      JORDAN.replace('+12065550101;+12065550102', '+12065550101'),
      AVERY.replace('+12065550103', '+12065550109'),
      SAM.replace('+12065550104', '+12065550104;+12065550103'),
    ]);
    expect(await accountFor('+12065550102')).toEqual([]);
    expect(await accountFor('+12065550103')).toEqual(['100000003']);
    expect(await accountFor('+12065550109')).toEqual(['100000002']);
    expect(await pairsOf(phoneDirectory)).toEqual(await pairsOf(accountLines));
    expect(await linesWithoutAnAccount()).toBe(0);
  });

  it('completes the phone look-up on a re-run after an interrupted import, and never answers from a stale entry', async () => {
    const file = writeCsv('accounts.csv', `${ACCOUNTS_HEADER}\n${JORDAN}\n${AVERY}\n`);
    await importFile('accounts', file);
    // As if the process died after the accounts were written but before the directory pass, with a phone moved.
    const avery = await accountIdOf('100000002');
    await testDatabase().run((q) => q.delete(phoneDirectory));
    await testDatabase().run((q) => q.insert(phoneDirectory).values({ phone: '+12065550199', accountId: avery }));
    expect(await findAccountIdByPhone('+12065550199')).toEqual([]);
    expect(await findAccountIdByPhone('+12065550101')).toEqual([]);
    await importFile('accounts', file);
    expect(await findAccountIdByPhone('+12065550101')).toHaveLength(1);
    expect(await findAccountIdByPhone('+12065550103')).toEqual([avery]);
  });

  it('after an import that died part way, the next accounts import of any file completes the phone look-up', async () => {
    await importText('accounts', [ACCOUNTS_HEADER, JORDAN]);
    // As if an import of another file wrote Jordan's lines, then died before the directory pass.
    const jordan = await accountIdOf('100000001');
    await testDatabase().run((q) => q.delete(phoneDirectory));
    await testDatabase().run((q) => q.insert(phoneDirectory).values({ phone: '+12065550199', accountId: jordan }));
    await testDatabase().run((q) =>
      q
        .insert(imports)
        .values({ kind: 'accounts', fileName: 'died.csv', fileSha256: '', operator: 'test', startedAt: new Date(0), outcome: 'running' }),
    );
    await importText('accounts', [ACCOUNTS_HEADER, AVERY]);
    expect(await findAccountIdByPhone('+12065550101')).toHaveLength(1);
    expect(await findAccountIdByPhone('+12065550103')).toHaveLength(1);
    expect(await testDatabase().all((q) => q.select().from(phoneDirectory).where(eq(phoneDirectory.phone, '+12065550199')))).toEqual([]);
    const died = (await testDatabase().get((q) =>
      q.select({ outcome: imports.outcome, message: imports.message }).from(imports).where(eq(imports.fileName, 'died.csv')),
    ))!;
    expect(died.outcome).toBe('failed');
    expect(died.message).toMatch(
      /^Stopped before it finished: run its file again to complete it\. Import #\d+ rebuilt the phone look-up\.$/,
    );
  });

  it('records every import, failed ones included, in the imports table', async () => {
    const ok = await importText('accounts', [ACCOUNTS_HEADER, JORDAN]);
    const bad = await importText('accounts', [ACCOUNTS_HEADER, 'x']);
    const rows = await testDatabase().all((q) => q.select().from(imports).orderBy(imports.id));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      id: ok.id,
      kind: 'accounts',
      fileName: 'accounts.csv',
      fileSha256: ok.sha256,
      operator: 'test',
      outcome: 'succeeded',
      rows: 1,
      inserted: 1,
      errorCount: 0,
    });
    expect(rows[1]).toMatchObject({ id: bad.id, outcome: 'failed', errorCount: 1, message: '1 bad row; nothing was imported' });
    expect(ok.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[1]!.finishedAt!.getTime()).toBeGreaterThanOrEqual(rows[1]!.startedAt.getTime());
  });

  it('records a file that cannot be read as a failed import', async () => {
    const summary = await importFile('accounts', '/nonexistent/accounts.csv');
    expect(summary).toMatchObject({ outcome: 'failed' });
    expect(summary.message).toMatch(/ENOENT/);
  });
});
