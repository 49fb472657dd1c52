import { describe, expect, it } from 'vitest';
import { syntheticAccounts } from '../generate/synthetic';
import { canonicalAccountRow } from './account-fast-path';
import { ACCOUNT_COLUMNS, accountRowSchema } from './account-row';
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

  it('normalises obvious phone formatting to E.164 and refuses what is not a US number', () => {
    const parse = (phones: string) =>
      accountRowSchema.safeParse(asRecord(ACCOUNT_COLUMNS, ['100000001', 'postpaid', 'J', '98006', '', '', phones, '']));
    const ok = parse('(206) 555-0101;206.555.0102; +1 206 555 0103;12065550104;2065550101');
    expect(ok.success && ok.data.phones).toEqual(['+12065550101', '+12065550102', '+12065550103', '+12065550104']);
    for (const bad of ['555-0101', '+442079460958', '+11065550101', '206555010', 'call me']) expect(parse(bad).success).toBe(false);
  });
});
