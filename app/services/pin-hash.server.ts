// PIN hashing: HMAC with a pepper kept outside the database, then Argon2id at OWASP parameters.
// A 6-digit PIN space falls to offline search in hours; without the pepper a stolen database gives nothing.
import { createHmac } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { getConfig } from '~/config.server';

// Algorithm.Argon2id is an ambient const enum, which isolatedModules cannot inline: its value is 2.
const ARGON2ID = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

// Hex, because argon2's verify only accepts valid UTF-8 input.
function peppered(pin: string): string {
  return createHmac('sha256', getConfig().pinPepper).update(pin, 'utf8').digest('hex');
}

/** Runs on libuv's thread pool (napi async task), so the event loop stays free. */
export function hashPin(pin: string): Promise<string> {
  return hash(peppered(pin), ARGON2_OPTIONS);
}

export async function pinMatches(storedHash: string, candidate: string): Promise<boolean> {
  try {
    return await verify(storedHash, peppered(candidate));
  } catch {
    return false; // a malformed stored hash matches nothing
  }
}
