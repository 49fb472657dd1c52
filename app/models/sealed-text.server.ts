// Text sealed at rest with AES-256-GCM under a key kept outside the database (OUTBOX_KEY): messages waiting in the
// outbox carry one-time codes, and a copy of the database file must not give them up.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { getConfig } from '../config.server';

const PREFIX = 'enc1:';

const key = () => createHash('sha256').update(`outbox:${getConfig().outboxKey}`).digest();

export function seal(text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The text a sealed value holds; text stored before sealing existed is returned as it is. */
export function unseal(value: string): string {
  if (!value.startsWith(PREFIX)) return value;
  const raw = Buffer.from(value.slice(PREFIX.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
