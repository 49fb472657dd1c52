// Cookie plumbing for the portal's own cookies: __Host- names over https, always HttpOnly and SameSite=Lax.
import { getConfig } from '~/config.server';

/** `__Host-` pins a cookie to this exact host over https; plain-http localhost cannot use it. */
export function cookieName(base: string): string {
  return getConfig().secureCookies ? `__Host-${base}` : base;
}

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  return null;
}

/** `maxAgeSeconds` undefined makes a browser-session cookie; 0 deletes it. */
export function serializeCookie(name: string, value: string, maxAgeSeconds?: number): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (getConfig().secureCookies) parts.push('Secure');
  if (maxAgeSeconds !== undefined) {
    parts.push(`Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`);
    if (maxAgeSeconds <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  }
  return parts.join('; ');
}

export function clearCookie(name: string): string {
  return serializeCookie(name, '', 0);
}
