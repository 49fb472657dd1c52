import { describe, expect, it } from 'vitest';
import { isPrivate } from './security-headers';

describe('which answers may never be stored by a cache', () => {
  it.each(['/account', '/Account', '/%61ccount', '/ACCOUNT/pin', '/account.data', '/agent', '/Admin', '/staff/sign-in', '/dev/outbox'])(
    '%s is private',
    (path) => expect(isPrivate(path, '')).toBe(true),
  );

  it.each(['bc_session=abc', '__Host-bc_session=abc', 'theme=dark; bc_staff_session=abc'])(
    'any page is private with a session cookie (%s)',
    (cookie) => {
      expect(isPrivate('/incidents', cookie)).toBe(true);
    },
  );

  it('public pages without a session stay cacheable, and a malformed escape does not throw', () => {
    expect(isPrivate('/incidents', 'theme=dark')).toBe(false);
    expect(isPrivate('/accounting', '')).toBe(false);
    expect(isPrivate('/%E0%A4%A', '')).toBe(false);
  });
});

describe('CSP nonces', () => {
  it('are 16 random bytes, never repeated across many requests', async () => {
    const { securityHeaders } = await import('./security-headers');
    const middleware = securityHeaders();
    const nonces = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const res = { locals: {} as Record<string, unknown>, setHeader: () => {} };
      middleware({ path: '/', secure: false, get: () => undefined } as never, res as never, () => {});
      const nonce = String(res.locals.cspNonce);
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(2_000);
  });
});
