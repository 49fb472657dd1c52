// Security headers on every response, with a fresh CSP nonce per request for Remix's inline scripts.
import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const PRIVATE_PATHS = /^\/(account|agent|admin|staff|enroll|sign-in|dev)(\/|$|\.data)/;
// Anyone signed in, customer or staff, may be shown personal data on any page.
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?bc_(?:staff_)?session=/;

/** Routing matches paths case-insensitively and decoded (/Account, /%61ccount), so this check does too. */
export function isPrivate(path: string, cookie: string): boolean {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // a malformed escape: check the path as sent
  }
  return PRIVATE_PATHS.test(decoded.toLowerCase()) || SESSION_COOKIE.test(cookie);
}

// Nonces come from a pool of CSPRNG bytes refilled 256 nonces at a time (as crypto.randomUUID does): one system
// call per 256 requests instead of one each. Every nonce is still 16 fresh random bytes, used once.
const NONCE_BYTES = 16;
let noncePool = Buffer.alloc(0);
let noncePoolOffset = 0;

function freshNonce(): string {
  if (noncePoolOffset + NONCE_BYTES > noncePool.length) {
    noncePool = randomBytes(NONCE_BYTES * 256);
    noncePoolOffset = 0;
  }
  const nonce = noncePool.toString('base64', noncePoolOffset, noncePoolOffset + NONCE_BYTES);
  noncePoolOffset += NONCE_BYTES;
  return nonce;
}

export function securityHeaders(): RequestHandler {
  return (req, res, next) => {
    const nonce = freshNonce();
    res.locals.cspNonce = nonce;
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    // Personal and staff pages must never be stored by a browser or proxy cache.
    if (isPrivate(req.path, req.get('cookie') ?? '')) res.setHeader('Cache-Control', 'private, no-store');
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}
