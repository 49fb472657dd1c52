// One random, HttpOnly cookie names this browser to the portal: WebAuthn challenges and one-time codes are bound
// to the browser that asked for them (the database keeps only the cookie's SHA-256), and wrong code tries count
// against it. It identifies a browser, never a person.
import { cookieName, readCookie, serializeCookie } from './cookies.server';
import { randomToken, sha256 } from './tokens.server';

const BINDING_COOKIE = 'bc_webauthn';
const BINDING_MAX_AGE_S = 24 * 60 * 60;

export interface Binding {
  hash: string;
  /** Set-Cookie to send when the binding cookie was just created. */
  setCookie: string | null;
}

/** This browser's binding; a new one (to be set) when `create` and it has none, else null. */
export function browserBinding(request: Request, create: true): Binding;
export function browserBinding(request: Request, create: boolean): Binding | null;
export function browserBinding(request: Request, create: boolean): Binding | null {
  const name = cookieName(BINDING_COOKIE);
  const existing = readCookie(request, name);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return { hash: sha256(existing), setCookie: null };
  if (!create) return null;
  const token = randomToken(32);
  return { hash: sha256(token), setCookie: serializeCookie(name, token, BINDING_MAX_AGE_S) };
}
