import { describe, expect, it } from 'vitest';
import { safeAccountRedirect, safeRedirect } from './safe-redirect';

describe('safeRedirect', () => {
  it.each([
    ['/account/pin?x=1', '/account/pin?x=1'],
    ['/incidents/2018-08-api#top', '/incidents/2018-08-api#top'],
    ['//evil.example/phish', '/account'],
    ['/\\evil.example', '/account'],
    ['/.//evil.example/phish', '/account'],
    ['/a/..//evil.example/phish', '/account'],
    ['/%2e//evil.example/phish', '/account'],
    ['https://evil.example/', '/account'],
    ['javascript:alert(1)', '/account'],
    ['/account\n//evil.example', '/account'],
    [42, '/account'],
  ])('%j → %s', (target, expected) => {
    expect(safeRedirect(target)).toBe(expected);
  });

  it('keeps the step-up screen inside /account', () => {
    expect(safeAccountRedirect('/account/pin')).toBe('/account/pin');
    expect(safeAccountRedirect('/admin')).toBe('/account');
    expect(safeAccountRedirect('/.//evil.example')).toBe('/account');
  });
});
