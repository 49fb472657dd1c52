// Random tokens, hashes and signatures: the few primitives sessions, challenges and codes share.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { getConfig } from '~/config.server';

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** HMAC-SHA-256 with the session secret; `purpose` keeps hashes of different things apart. */
export function keyedHash(purpose: string, value: string): string {
  return createHmac('sha256', getConfig().sessionSecret).update(`${purpose}\0${value}`).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A JSON payload with an HMAC, for short-lived state the browser carries but must not alter. */
export function signPayload(purpose: string, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${keyedHash(`signed:${purpose}`, body)}`;
}

export function verifyPayload(purpose: string, signed: string | null | undefined): unknown {
  if (!signed) return null;
  const dot = signed.lastIndexOf('.');
  if (dot < 1) return null;
  const body = signed.slice(0, dot);
  if (!safeEqual(signed.slice(dot + 1), keyedHash(`signed:${purpose}`, body))) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}
