import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { accounts, exposures as exposuresTable } from '../../db/tables';
import { testDatabase } from '../../tests/helpers/db';
import { ACCOUNTS_HEADER, emptyImportTables, EXPOSURES_HEADER, importText } from '../../tests/helpers/import-files';

const ALL_2018 = 'name;billing_zip;phone_number;email_address;account_number;account_type';

function exposures() {
  return testDatabase().all((q) =>
    q
      .select({ account_number: accounts.accountNumber, incident_id: exposuresTable.incidentId, fields: exposuresTable.fields })
      .from(exposuresTable)
      .innerJoin(accounts, eq(accounts.id, exposuresTable.accountId))
      .orderBy(accounts.accountNumber, exposuresTable.incidentId),
  );
}

beforeEach(async () => {
  await emptyImportTables();
  await importText('accounts', [
    ACCOUNTS_HEADER,
    '100000001,postpaid,Jordan Rivera,98006,,,+12065550101,',
    '100000002,prepaid,Avery Chen,98101,,,+12065550103,',
  ]);
});

describe('exposures import', () => {
  it('imports exposures for accounts in the database, storing fields in catalogue order', async () => {
    const summary = await importText('exposures', [
      EXPOSURES_HEADER,
      `100000001,2018-08-api,${ALL_2018}`,
      '100000002, 2019-11-Prepaid ,phone_number; NAME',
    ]);
    expect(summary).toMatchObject({ outcome: 'succeeded', rows: 2, inserted: 2, updated: 0, unchanged: 0 });
    expect(await exposures()).toEqual([
      { account_number: '100000001', incident_id: '2018-08-api', fields: ALL_2018 },
      { account_number: '100000002', incident_id: '2019-11-prepaid', fields: 'name;phone_number' },
    ]);
  });

  it('replaces the fields of an account for an incident, and changes nothing on a second run', async () => {
    await importText('exposures', [EXPOSURES_HEADER, '100000001,2018-08-api,name', '100000002,2018-08-api,name']);
    const lines = [
      EXPOSURES_HEADER,
      '100000001,2018-08-api,name;phone_number',
      '100000002,2018-08-api,name',
      '100000002,2020-03-email-vendor,billing_information',
    ];
    expect(await importText('exposures', lines)).toMatchObject({ rows: 3, inserted: 1, updated: 1, unchanged: 1 });
    expect(await importText('exposures', lines)).toMatchObject({ rows: 3, inserted: 0, updated: 0, unchanged: 3 });
    expect(await exposures()).toContainEqual({ account_number: '100000001', incident_id: '2018-08-api', fields: 'name;phone_number' });
  });

  it.each([
    [
      'unknown incident',
      '100000001,2021-08-cyberattack,name',
      'line 2, column incident: unknown incident; expected one of 2018-08-api, 2019-11-prepaid, 2020-03-email-vendor (got "2021-08-cyberattack")',
    ],
    [
      'field not in that incident',
      '100000001,2018-08-api,name;rate_plan',
      'line 2, column fields: rate_plan not among 2018-08-api\'s fields (name, billing_zip, phone_number, email_address, account_number, account_type) (got "name;rate_plan")',
    ],
    [
      'unknown field',
      '100000001,2018-08-api,name;ssn',
      'line 2, column fields: ssn not among 2018-08-api\'s fields (name, billing_zip, phone_number, email_address, account_number, account_type) (got "name;ssn")',
    ],
    ['empty fields', '100000001,2018-08-api, ; ', 'line 2, column fields: required: at least one field (got ";")'],
    ['bad account number', '1000000011,2018-08-api,name', 'line 2, column account_number: expected 9 digits (got "1000000011")'],
    [
      'unknown account',
      '100000009,2018-08-api,name',
      'line 2, column account_number: no account 100000009 in the database (import the accounts file first)',
    ],
    [
      'repeated account and incident',
      '100000001,2018-08-api,name\n100000001,2018-08-api,name;phone_number',
      'line 3, column incident: 100000001 in 2018-08-api is already on line 2',
    ],
    ['wrong column count', '100000001,2018-08-api', 'line 2, column fields: expected 3 columns as in the header, found 2'],
  ])('refuses a row with %s', async (_kind, row, message) => {
    const summary = await importText('exposures', [EXPOSURES_HEADER, ...row.split('\n')]);
    expect(summary).toMatchObject({ outcome: 'failed', errorCount: 1, errors: [message] });
    expect(await exposures()).toEqual([]);
  });

  it('refuses the whole file when any row names an unknown account', async () => {
    const summary = await importText('exposures', [
      EXPOSURES_HEADER,
      '100000001,2018-08-api,name',
      '100000003,2018-08-api,name',
      '100000002,2018-08-api,name',
    ]);
    expect(summary).toMatchObject({ outcome: 'failed', errorCount: 1, inserted: 0 });
    expect(await exposures()).toEqual([]);
  });
});
