import { describe, expect, it } from 'vitest';
import { accountNumberField, normalizeUsPhone } from './identity-fields';
import { passkeyProviderName } from './passkey-providers';
import { safeAccountRedirect, safeRedirect } from './safe-redirect';
import { describeUserAgent } from './user-agent';

describe('form fields', () => {
  it.each(['(206) 555-0101', '206-555-0101', '2065550101', '+12065550101', '1 206 555 0101', ' 206.555.0101 '])(
    '%s is +12065550101',
    (typed) => {
      expect(normalizeUsPhone(typed)).toBe('+12065550101');
    },
  );

  it.each(['555-0101', '+442071838750', 'call me', '206555010a'])('%s is not a US phone number', (typed) => {
    expect(normalizeUsPhone(typed)).toBeNull();
  });

  it('trims spaces inside account numbers', () => {
    expect(accountNumberField.parse(' 100 000 001 ')).toBe('100000001');
    expect(accountNumberField.safeParse('10000000').success).toBe(false);
  });
});

describe('redirect targets', () => {
  it.each([
    ['/account/pin', '/account/pin'],
    ['/account/passkeys?added=1', '/account/passkeys?added=1'],
    ['//evil.example', '/account'],
    ['/\\evil.example', '/account'],
    ['https://evil.example/account', '/account'],
    ['/account\n/x', '/account'],
    [null, '/account'],
  ])('safeRedirect(%j) is %s', (target, expected) => expect(safeRedirect(target)).toBe(expected));

  it('step-up only returns under /account', () => {
    expect(safeAccountRedirect('/account/pin')).toBe('/account/pin');
    expect(safeAccountRedirect('/accounting')).toBe('/account');
    expect(safeAccountRedirect('/incidents')).toBe('/account');
  });
});

describe('user agents and passkey names', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
      'Edge',
      'Windows',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari',
      'iOS',
    ],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0', 'Firefox', 'macOS'],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36',
      'Chrome (headless)',
      'Linux',
    ],
    ['', null, null],
  ])('%s', (ua, browser, os) => expect(describeUserAgent(ua)).toEqual({ browser, os }));

  it('names known providers by AAGUID, and no other (the page names those in its language)', () => {
    expect(passkeyProviderName('FBFC3007-154E-4ECC-8C0B-6E020557D7BD')).toBe('iCloud Keychain');
    expect(passkeyProviderName('ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4')).toBe('Google Password Manager');
    expect(passkeyProviderName(null)).toBeNull();
    expect(passkeyProviderName('00000000-0000-0000-0000-000000000000')).toBeNull();
  });
});
