import { describe, expect, it } from 'vitest';
import { translatorFor } from '~/i18n/translator';
import { COMMON_PINS } from './common-pins';
import { checkPin, PIN_RULES, type PinContext, type PinRuleId } from './pin-rules';

// Matches the demo account in DESIGN.md §5.
const context: PinContext = {
  phones: ['+12065550101', '+14255550199'],
  accountNumber: '100000001',
  birthDate: '1984-03-09',
};

const GOOD_PIN = '583920';

describe('checkPin', () => {
  it('accepts a good PIN under every rule', () => {
    expect(COMMON_PINS.has(GOOD_PIN)).toBe(false);
    expect(checkPin(GOOD_PIN, context)).toEqual([]);
    expect(checkPin(GOOD_PIN, context, GOOD_PIN)).toEqual([]);
  });

  it.each<[string, string, PinRuleId[]]>([
    ['empty', '', ['length']],
    ['5 digits', '58392', ['length']],
    ['6 digits', '583920', []],
    ['15 digits', '583920174638291', []],
    ['16 digits', '5839201746382917', ['length']],
    ['letters', 'abcdef', ['digits']],
    ['too few letters', 'abc', ['digits', 'length']],
    ['a letter among digits', '58392a', ['digits']],
    ['a leading space', ' 583920', ['digits']],
    ['a space inside', '583 920', ['digits']],
    ['full-width digits', '５８３９２０', ['digits']],
    ['non-digits skip the pattern rules', '111a11', ['digits']],
  ])('length and digits: %s', (_label, pin, expected) => {
    expect(checkPin(pin, context)).toEqual(expected);
  });

  it.each<[string, PinRuleId[]]>([
    ['111111', ['repeated', 'common']],
    ['1111111111', ['repeated']],
    ['123456', ['sequence', 'common']],
    ['987654', ['sequence', 'common']],
    ['890123', ['sequence']],
    ['210987', ['sequence']],
    ['321098', ['sequence']],
    ['12345678901234', ['sequence']],
    ['123457', []],
    ['121212', ['pattern', 'common']],
    ['123123', ['pattern', 'common']],
    ['1231231', ['pattern']],
    ['1212121', ['pattern', 'common']],
    ['38473847', ['pattern']],
    ['384738', []],
  ])('digit patterns: %s', (pin, expected) => {
    expect(checkPin(pin, context)).toEqual(expected);
  });

  it.each<[string, PinRuleId[]]>([
    ['159753', ['common']],
    ['147258', ['common']],
    ['112233', ['common']],
  ])('common PIN: %s', (pin, expected) => {
    expect(checkPin(pin, context)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['first 6 digits (area code + exchange)', '206555'],
    ['containing the first 6 digits', '9206555384'],
    ['containing the last 4 digits', '480101'],
    ['part of the number', '655501'],
    ['part of the number with its country code', '120655'],
    ['the whole number', '2065550101'],
    ['part of the second number on the account', '425555'],
    ['containing the last 4 of the second number', '380199'],
  ])('phone: %s', (_label, pin) => {
    expect(checkPin(pin, context)).toEqual(['phone']);
  });

  it('phone: skips numbers too short to compare', () => {
    expect(checkPin(GOOD_PIN, { ...context, phones: ['', '+1'] })).toEqual([]);
  });

  it.each<[string, string]>([
    ['part of the account number', '100000'],
    ['the end of the account number', '0000001'],
    ['the whole account number', '100000001'],
    ['containing the account number', '7100000001'],
  ])('account: %s', (_label, pin) => {
    expect(checkPin(pin, context)).toEqual(['account']);
  });

  it.each<[string, string]>([
    ['MMDDYY', '030984'],
    ['MMDDYYYY', '03091984'],
    ['YYYYMMDD', '19840309'],
    ['DDMMYYYY', '09031984'],
    ['DDMMYY', '090384'],
    ['YYMMDD', '840309'],
    ['containing MMDDYY', '77030984'],
  ])('birth date 1984-03-09 as %s', (_label, pin) => {
    expect(checkPin(pin, context)).toEqual(['birthDate']);
  });

  it.each<[string, string | null | undefined]>([
    ['absent', undefined],
    ['null', null],
    ['malformed', '03/09/1984'],
  ])('birth date %s: the date rule is not applied', (_label, birthDate) => {
    expect(checkPin('030984', { ...context, birthDate })).toEqual([]);
    expect(checkPin('19840309', { ...context, birthDate })).toEqual([]);
  });

  it.each<[string, string, string | undefined, PinRuleId[]]>([
    ['matching', GOOD_PIN, GOOD_PIN, []],
    ['different', GOOD_PIN, '583921', ['confirm']],
    ['empty', GOOD_PIN, '', ['confirm']],
    ['not given', GOOD_PIN, undefined, []],
    ['both empty', '', '', ['length']],
    ['matching but otherwise broken', '123456', '123456', ['sequence', 'common']],
  ])('confirmation: %s', (_label, pin, confirmation, expected) => {
    expect(checkPin(pin, context, confirmation)).toEqual(expected);
  });

  it('reports several broken rules in PIN_RULES order', () => {
    expect(checkPin('0101', context, '0102')).toEqual(['length', 'confirm']);
    expect(checkPin('19840309', { ...context, accountNumber: '198403090' }, 'x')).toEqual(['account', 'birthDate', 'confirm']);
  });
});

describe('PIN_RULES', () => {
  const allIds: PinRuleId[] = [
    'digits',
    'length',
    'repeated',
    'sequence',
    'pattern',
    'common',
    'phone',
    'account',
    'birthDate',
    'confirm',
    'reused',
  ];

  it('lists every rule once, in order', () => {
    expect(PIN_RULES.map((rule) => rule.id)).toEqual(allIds);
  });

  it('flags only the reuse rule as server-only', () => {
    expect(PIN_RULES.filter((rule) => rule.serverOnly).map((rule) => rule.id)).toEqual(['reused']);
  });

  it.each(allIds.flatMap((id) => [[id, 'en'] as const, [id, 'es'] as const]))(
    '%s has a description and a message in %s that echo no PIN or customer data',
    (id, language) => {
      const t = translatorFor(language);
      expect(t(`pin:rules.${id}.description`, { min: 6, max: 15 })).toMatch(/\S/);
      // Messages are shown next to what was typed: no digit strings at all beyond the length bounds.
      expect(t(`pin:rules.${id}.message`, { min: 6, max: 15 })).not.toMatch(/\d{3,}/);
    },
  );
});

describe('COMMON_PINS', () => {
  it('has at least 200 unique digit strings of a valid PIN length', () => {
    expect(COMMON_PINS.size).toBeGreaterThanOrEqual(200);
    for (const pin of COMMON_PINS) expect(pin).toMatch(/^\d{6,15}$/);
  });
});
