import { describe, expect, it } from 'vitest';
import { isPrivate } from './security-headers';

describe('which answers may never be stored by a cache', () => {
  it.each(['/account', '/Account', '/%61ccount', '/ACCOUNT/pin', '/account.data', '/agent', '/Admin', '/staff/sign-in', '/dev/outbox'])(
    '%s is private',
    (path) => expect(isPrivate(path, '')).toBe(true),
  );

  it.each(['bc_session=abc', '__Host-bc_session=abc', 'theme=dark; bc_staff_session=abc'])('any page is private with a session cookie (%s)', (cookie) => {
    expect(isPrivate('/incidents', cookie)).toBe(true);
  });

  it('public pages without a session stay cacheable, and a malformed escape does not throw', () => {
    expect(isPrivate('/incidents', 'theme=dark')).toBe(false);
    expect(isPrivate('/accounting', '')).toBe(false);
    expect(isPrivate('/%E0%A4%A', '')).toBe(false);
  });
});
