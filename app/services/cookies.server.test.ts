// Over https the portal's cookies are __Host- prefixed and Secure; on plain-http localhost they cannot be.
import { describe, expect, it, vi } from 'vitest';

const secure = vi.hoisted(() => ({ on: true }));
vi.mock('~/config.server', async (importOriginal) => {
  const original = await importOriginal<typeof import('~/config.server')>();
  return { ...original, getConfig: () => ({ ...original.getConfig(), secureCookies: secure.on }) };
});

const { cookieName, readCookie, serializeCookie } = await import('./cookies.server');
const { sessionCookieName } = await import('./session.server');

describe('cookies', () => {
  it('uses __Host- names and Secure over https, customer and staff sessions under different names', () => {
    secure.on = true;
    expect(sessionCookieName('customer')).toBe('__Host-bc_session');
    expect(sessionCookieName('staff')).toBe('__Host-bc_staff_session');
    expect(serializeCookie(cookieName('bc_session'), 'abc', 60)).toBe(
      '__Host-bc_session=abc; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=60',
    );
  });

  it('drops the prefix and Secure on plain http', () => {
    secure.on = false;
    expect(sessionCookieName('customer')).toBe('bc_session');
    expect(serializeCookie('bc_session', 'abc')).toBe('bc_session=abc; Path=/; HttpOnly; SameSite=Lax');
  });

  it('reads one cookie out of a header', () => {
    const request = new Request('http://localhost/', { headers: { Cookie: 'a=1; bc_session=tok%3D; b=2' } });
    expect(readCookie(request, 'bc_session')).toBe('tok=');
    expect(readCookie(request, 'missing')).toBeNull();
  });
});
