// What every passkey ceremony shares, customer or staff: the JSON answer, its failure sentences, the per-client limit
// and how a failure is recorded. Each ceremony returns an answer the route sends as JSON; failures are 4xx, never a 500.
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { TFunction } from 'i18next';
import { translateMessage, type MessageValues } from '~/i18n/message';
import { recordAudit } from './audit.server';
import { clientKey, consumeRateLimit, countOccurrence, type RateLimitRule } from './rate-limit.server';
import type { CeremonyFailure } from './webauthn.server';

export const PASSKEY_CEREMONIES_PER_CLIENT: RateLimitRule = { name: 'passkey-ceremony.client', limit: 30, windowMs: 10 * 60_000 };

export type CeremonyOptions = PublicKeyCredentialRequestOptionsJSON | PublicKeyCredentialCreationOptionsJSON;

export type CeremonyBody =
  { status: 'success'; options?: CeremonyOptions; redirectTo?: string } | { status: 'error'; message: string; redirectTo?: string };

/** What a ceremony step answers; an error's message is a catalog key (with values) until the endpoint words it. */
export interface CeremonyAnswer {
  httpStatus: number;
  body: CeremonyBody;
  values?: MessageValues;
  headers?: Headers;
}

/** Where the request came from, as the server saw it (the per-client limits key on it). */
export interface ClientContext {
  clientAddress: string;
}

export function error(httpStatus: number, messageKey: string, redirectTo?: string): CeremonyAnswer {
  return { httpStatus, body: { status: 'error', message: messageKey, ...(redirectTo ? { redirectTo } : {}) } };
}

/** The answer as the browser gets it: an error's key worded in the page's language. */
export function wordAnswer(answer: CeremonyAnswer, t: TFunction): CeremonyAnswer {
  if (answer.body.status !== 'error') return answer;
  return { ...answer, body: { ...answer.body, message: translateMessage(t, answer.body.message, answer.values) } };
}

/** Options for the browser to answer, with the challenge cookie. */
export function optionsAnswer(options: CeremonyOptions, headers: Headers): CeremonyAnswer {
  return { httpStatus: 200, body: { status: 'success', options }, headers };
}

/** A new session: its cookie, and where the browser goes next. */
export function signedInAnswer(redirectTo: string, cookie: string): CeremonyAnswer {
  return {
    httpStatus: 200,
    body: { status: 'success', redirectTo },
    headers: new Headers({ 'Set-Cookie': cookie, 'Cache-Control': 'no-store' }),
  };
}

export function failureMessage(reason: CeremonyFailure): string {
  switch (reason) {
    case 'unknown credential':
      return 'messages:passkey.unknown';
    case 'user not verified':
      return 'messages:passkey.notVerified';
    case 'counter went backwards':
      return 'messages:passkey.copied';
    case 'credential already registered':
      return 'messages:passkey.alreadySetUp';
    case 'unknown challenge':
    case 'challenge already used':
    case 'challenge expired':
    case 'challenge from another browser':
      return 'messages:passkey.expired';
    default:
      return 'messages:passkey.failed';
  }
}

/** Runs a ceremony step within the per-client limit; over it, a 429 with Retry-After and nothing else happens. */
export async function limitedCeremony(context: ClientContext, step: () => Promise<CeremonyAnswer>): Promise<CeremonyAnswer> {
  const { allowed, retryAfterSeconds } = await consumeRateLimit(PASSKEY_CEREMONIES_PER_CLIENT, clientKey(context));
  if (allowed) return step();
  return {
    ...error(429, 'messages:tooManyAttempts'),
    values: { waitSeconds: retryAfterSeconds },
    headers: new Headers({ 'Retry-After': String(retryAfterSeconds) }),
  };
}

// Failures anyone can produce without a challenge we issued: counted per day, not written to the audit log one by one.
const UNSOLICITED: ReadonlySet<CeremonyFailure> = new Set(['unknown challenge', 'malformed response']);

/** Records a failed ceremony: an audit event, or for an unsolicited answer only a count (it would flood the log). */
export async function recordCeremonyFailure(reason: CeremonyFailure, event: Parameters<typeof recordAudit>[0]): Promise<void> {
  if (UNSOLICITED.has(reason)) return countOccurrence('ceremony-failures.unknown-challenge');
  await recordAudit(event);
}
