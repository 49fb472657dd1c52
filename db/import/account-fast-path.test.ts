import { describe, expect, it } from 'vitest';
import { syntheticAccounts } from '../generate/synthetic';
import { markedLines, markedLinesJson } from './account-changes';
import { canonicalAccountRow, canonicalAccountRowWithPeople } from './account-fast-path';
import { ACCOUNT_COLUMNS, accountRowSchema, isRealDate } from './account-row';
import { canonicalExposureRow, exposureRowSchema } from './exposure-row';

const asRecord = (columns: readonly string[], fields: string[]) => Object.fromEntries(columns.map((column, i) => [column, fields[i]]));

describe('the canonical fast path', () => {
  it('agrees with the zod schema on every row it accepts', () => {
    let accepted = 0;
    for (const { account, exposures } of syntheticAccounts(3000, 42)) {
      const fields = [
        account.accountNumber,
        account.accountType,
        account.holderName,
        account.billingZip,
        account.billingAddress ?? '',
        account.email ?? '',
        account.phones.join(';'),
        account.birthDate ?? '',
      ];
      const fast = canonicalAccountRow(fields);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(accountRowSchema.parse(asRecord(ACCOUNT_COLUMNS, fields)));
      expect(markedLinesJson(fast!)).toBe(JSON.stringify(markedLines(fast!)));
      accepted++;
      for (const exposure of exposures) {
        const row = [exposure.accountNumber, exposure.incident, exposure.fields.join(';')];
        expect(canonicalExposureRow(row)).toEqual(exposureRowSchema.parse(asRecord(['account_number', 'incident', 'fields'], row)));
      }
    }
    expect(accepted).toBe(3000);
  });

  it.each([
    ['padded value', ['100000001', 'postpaid', ' Jordan', '98006', '', '', '+12065550101', '']],
    ['capitalised type', ['100000001', 'Postpaid', 'Jordan', '98006', '', '', '+12065550101', '']],
    ['formatted phone', ['100000001', 'postpaid', 'Jordan', '98006', '', '', '(206) 555-0101', '']],
    ['ZIP without dash', ['100000001', 'postpaid', 'Jordan', '980061234', '', '', '+12065550101', '']],
    ['bad email', ['100000001', 'postpaid', 'Jordan', '98006', '', 'a@', '+12065550101', '']],
    ['future birth date', ['100000001', 'postpaid', 'Jordan', '98006', '', '', '+12065550101', '2999-01-01']],
  ])('leaves a %s to the schema', (_case, fields) => {
    expect(canonicalAccountRow(fields)).toBeNull();
  });

  // zod's trim() takes Unicode spaces too: a name of only a no-break space is "required" there, never stored as is.
  it.each([
    ['no-break space', '\u00A0'],
    ['byte order mark', '\uFEFF'],
    ['ideographic space', '\u3000'],
    ['line separator', '\u2028'],
  ])('leaves a name or address with a %s around it to the schema', (_name, space) => {
    for (const value of [space, `${space}Jordan`, `Jordan${space}`]) {
      expect(canonicalAccountRow(['100000001', 'postpaid', value, '98006', '', '', '+12065550101', ''])).toBeNull();
      expect(canonicalAccountRow(['100000001', 'postpaid', 'Jordan', '98006', value, '', '+12065550101', ''])).toBeNull();
    }
  });

  it('normalises obvious phone formatting to E.164 and refuses what is not a US number', () => {
    const parse = (phones: string) =>
      accountRowSchema.safeParse(asRecord(ACCOUNT_COLUMNS, ['100000001', 'postpaid', 'J', '98006', '', '', phones, '']));
    const ok = parse('(206) 555-0101;206.555.0102; +1 206 555 0103;12065550104;2065550101');
    expect(ok.success && ok.data.phones).toEqual(['+12065550101', '+12065550102', '+12065550103', '+12065550104']);
    for (const bad of ['555-0101', '+442079460958', '+11065550101', '206555010', 'call me']) expect(parse(bad).success).toBe(false);
  });
});

it('stages the marked lines of holders, authorized users and line users as the JSON they are', () => {
  const row = canonicalAccountRowWithPeople([
    '100000001',
    'postpaid',
    'J',
    '98006',
    '',
    '',
    '+12065550103;+12065550101;+12065550102',
    '',
    '+12065550102',
    '+12065550103',
    'es',
  ]);
  expect(markedLinesJson(row!)).toBe('["+12065550101","+12065550102#h","+12065550103#a"]');
  expect(markedLinesJson(row!)).toBe(JSON.stringify(markedLines(row!)));
});

describe('isRealDate', () => {
  // What it replaced: a Date for every value.
  const reference = (value: string) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900 && date.getTime() <= Date.now();
  };
  const pad = (n: number, width: number) => String(n).padStart(width, '0');

  it('accepts exactly the calendar dates from 1900 to today', () => {
    const now = new Date();
    const years = [0, 50, 1899, 1900, 1901, 1996, 2000, 2023, 2024, 2100, 2400, now.getUTCFullYear(), now.getUTCFullYear() + 1];
    let accepted = 0;
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(isRealDate(value), value).toBe(reference(value));
          if (reference(value)) accepted++;
        }
      }
    }
    expect(accepted).toBeGreaterThan(2000);
    const today = now.toISOString().slice(0, 10);
    const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
    expect([isRealDate(today), isRealDate(tomorrow)]).toEqual([true, false]);
    for (const bad of ['1984-3-09', '1984-03-9', '19840309', ' 1984-03-09', '1984-03-09 ', '１９８４-03-09', ''])
      expect(isRealDate(bad)).toBe(false);
  });
});
