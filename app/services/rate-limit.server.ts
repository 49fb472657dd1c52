// Fixed-window rate limits kept in the database, so they hold across restarts and processes.
import { createHmac } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { z } from 'zod';
import { encodeMessage } from '~/i18n/message';
import { getConfig } from '../config.server';
import { countHit, countHitIn, purgeExpiredRateLimits, uncountHit } from '../models/rate-limit.server';
import type { Tx } from '../models/transaction.server';

export { purgeExpiredRateLimits };

export interface RateLimitRule {
  name: string;
  limit: number;
  windowMs: number;
}

const ruleSchema = z.object({
  name: z.string().min(1).max(100),
  limit: z.number().int().positive(),
  windowMs: z.number().int().positive(),
});
const subjectSchema = z.string().min(1).max(200);

// Roughly one call in a thousand sweeps expired rows, so the table stays small without a timer.
const PURGE_PROBABILITY = 0.001;

export async function consumeRateLimit(rule: RateLimitRule, subject: string): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const { name, limit, windowMs } = ruleSchema.parse(rule);
  const key = `${name}:${subjectSchema.parse(subject)}`;
  const now = Date.now();
  const row = await countHit(key, now, windowMs);
  if (Math.random() < PURGE_PROBABILITY) await purgeExpiredRateLimits();
  if (row.count <= limit) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row.resetAt.getTime() - now) / 1000)) };
}

/**
 * Limits that count failures, not attempts. A try reserves one failure before it is checked, in one statement (an
 * upsert), so concurrent tries cannot all pass a check made before any of them counted; a right answer gives its
 * reservation back. Refused tries give theirs back too, so the count stops at the limit.
 */
export interface FailureReservation {
  allowed: boolean;
  retryAfterSeconds: number;
  /** Failures counted in the window, this one included. */
  count: number;
  /** The answer was right (or the try was refused elsewhere): it does not count. */
  release(): Promise<void>;
}

export async function reserveFailure(rule: RateLimitRule, subject: string): Promise<FailureReservation> {
  const { name, limit, windowMs } = ruleSchema.parse(rule);
  const key = `${name}:${subjectSchema.parse(subject)}`;
  const now = Date.now();
  const row = await countHit(key, now, windowMs);
  const reservation = {
    allowed: row.count <= limit,
    retryAfterSeconds: Math.max(1, Math.ceil((row.resetAt.getTime() - now) / 1000)),
    count: row.count,
    release: () => uncountHit(key),
  };
  if (!reservation.allowed) await reservation.release();
  return reservation;
}

/** A 429 Response with Retry-After and the key of the sentence the error page says (it is told the wait, in words). */
export function tooManyAttempts(retryAfterSeconds: number, sentence = 'messages:tooManyAttempts'): Response {
  return new Response(encodeMessage(sentence, { waitSeconds: retryAfterSeconds }), {
    status: 429,
    headers: { 'Retry-After': String(retryAfterSeconds), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Counts an occurrence of something not worth an audit row each (made-up challenges), per day; never refuses. */
export async function countOccurrence(name: string, now = new Date()): Promise<void> {
  await countHit(`${name}:${now.toISOString().slice(0, 10)}`, now.getTime(), 2 * 24 * 60 * 60_000);
}

/** consumeRateLimit inside a transaction the caller holds (models/transaction.server.ts). */
export async function consumeRateLimitIn(
  tx: Tx,
  rule: RateLimitRule,
  subject: string,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const { name, limit, windowMs } = ruleSchema.parse(rule);
  const now = Date.now();
  const row = await countHitIn(tx, `${name}:${subjectSchema.parse(subject)}`, now, windowMs);
  if (row.count <= limit) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row.resetAt.getTime() - now) / 1000)) };
}

/** Throws a 429 Response (Retry-After header; a plain sentence saying when to try again) when exceeded. */
export async function enforceRateLimit(rule: RateLimitRule, subject: string): Promise<void> {
  const { allowed, retryAfterSeconds } = await consumeRateLimit(rule, subject);
  if (allowed) return;
  throw tooManyAttempts(retryAfterSeconds);
}

/** A stable, non-reversible key for the client; raw IP addresses are never stored. */
export function clientKey(context: { clientAddress: string }): string {
  return keyedHash('client', normalizeAddress(context.clientAddress));
}

/** A stable, non-reversible key for an identifier used as a subject (account number, phone). */
export function subjectKey(value: string): string {
  return keyedHash('subject', value);
}

function keyedHash(purpose: string, value: string): string {
  return createHmac('sha256', getConfig().sessionSecret).update(`rate-limit:${purpose}:${value}`).digest('base64url');
}

// One IPv6 subscriber usually holds a whole /64, so the limit applies to the /64; IPv4-mapped addresses count as IPv4.
function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
