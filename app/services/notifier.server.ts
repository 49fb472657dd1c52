// Notices to the contacts on file, queued in the outbox and delivered by a background loop with retries.
import { z } from 'zod';
import type { OutboxMessage } from '../../db/schema';
import { getConfig } from '../config.server';
import type { Language } from '../i18n/config';
import { translatorFor } from '../i18n/translator';
import { getAccount } from '../models/account.server';
import {
  claimDueMessages,
  markExpired,
  markFailed,
  markRetry,
  markSent,
  queueMessages,
  type NewOutboxMessage,
} from '../models/outbox.server';
import { findPerson, holderLine } from '../models/person.server';
import { formatDateTime } from '../utils/format-time';
import { startBackgroundLoop, type BackgroundLoop } from './background-loop.server';
import { errorSummary } from './errors.server';
import { log } from './logger.server';
import { configuredTransport, maskRecipient, type Transport } from './notify-transports.server';

const messageSchema = z.object({
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(8000), // an incident notice by email runs to a few thousand characters
});

// Schemes, www. and bare domains (example.com, example.com/x) but not the domain of an email address.
const LINK_PATTERN = /https?:\/\/|\bwww\.|(?<![@\w.-])(?:[a-z0-9-]+\.)+[a-z]{2,}\b/i;

/** Notices never contain links: customers were phished with links in messages that looked like ours. */
export class NoticeContainsLinkError extends Error {}

/**
 * A notice by its key in the notices catalog (notices:<key>.subject, notices:<key>.<body>), worded only once its
 * recipient's language is known. Dates among the values are said in that language, in Pacific time.
 */
export interface Notice {
  key: string;
  /** Which text of the notice is the body: `body` unless the notice has variants. */
  body?: string;
  values?: Record<string, string | number | Date>;
}

type Contact = Pick<OutboxMessage, 'channel' | 'recipient'>;

/** The notice's subject and body in a language. */
export function wordNotice(notice: Notice, language: Language): { subject: string; body: string } {
  const t = translatorFor(language);
  const values = Object.fromEntries(
    Object.entries(notice.values ?? {}).map(([name, value]) => [name, value instanceof Date ? formatDateTime(value, language) : value]),
  );
  return { subject: t(`notices:${notice.key}.subject`), body: t(`notices:${notice.key}.${notice.body ?? 'body'}`, values) };
}

/** To the account holder's contacts (their line and the account email, DESIGN section 9), in the account's language. */
export async function notifyHolder(accountId: number, notice: Notice): Promise<{ channels: number }> {
  const holder = await holderContacts(accountId);
  return queueNotice(accountId, holder.contacts, wordNotice(notice, holder.language));
}

/** To one person's contacts: the holder's when the line is the holder's, otherwise that line only, in their language. */
export async function notifyPerson(accountId: number, phone: string, notice: Notice): Promise<{ channels: number }> {
  const holder = await holderContacts(accountId);
  const isHolder = holder.contacts.some((contact) => contact.channel === 'sms' && contact.recipient === phone);
  if (isHolder) return queueNotice(accountId, holder.contacts, wordNotice(notice, holder.language));
  const language = (await findPerson(accountId, phone))?.language ?? holder.language;
  return queueNotice(accountId, [{ channel: 'sms', recipient: phone }], wordNotice(notice, language));
}

/**
 * To one line by text only: one-time codes go to the line the person typed and nowhere else, in the language given
 * (the page the person asked from) or else the one they chose, or the account's. A message carrying a code says when
 * it expires, and is never sent after that.
 */
export async function textLine(
  accountId: number,
  phone: string,
  notice: Notice,
  options: { expiresAt?: Date; language?: Language } = {},
): Promise<{ channels: number }> {
  const language = options.language ?? (await findPerson(accountId, phone))?.language ?? (await getAccount(accountId))?.language ?? 'en';
  return queueNotice(accountId, [{ channel: 'sms', recipient: phone }], wordNotice(notice, language), options.expiresAt ?? null);
}

async function queueNotice(
  accountId: number,
  contacts: Contact[],
  message: { subject: string; body: string },
  expiresAt: Date | null = null,
): Promise<{ channels: number }> {
  const rows = outboxRows(accountId, contacts, message, expiresAt);
  await queueMessages(rows);
  messagesQueued();
  return { channels: rows.length };
}

/** The rows of a notice, checked (no links) and ready to queue: for a caller that queues them in its own transaction. */
export function outboxRows(
  accountId: number,
  contacts: Contact[],
  message: { subject: string; body: string },
  expiresAt: Date | null,
): NewOutboxMessage[] {
  const { subject, body } = messageSchema.parse(message);
  for (const [part, text] of [
    ['subject', subject],
    ['body', body],
  ] as const) {
    const link = LINK_PATTERN.exec(text);
    if (link) throw new NoticeContainsLinkError(`Notices never contain links: the ${part} contains "${link[0]}"`);
  }
  return contacts.map((contact) => ({ accountId, ...contact, subject, body, expiresAt }));
}

/** textLine's message in the language given, checked but not queued. */
export function textLineRows(
  accountId: number,
  phone: string,
  notice: Notice,
  options: { expiresAt?: Date; language: Language },
): NewOutboxMessage[] {
  return outboxRows(accountId, [{ channel: 'sms', recipient: phone }], wordNotice(notice, options.language), options.expiresAt ?? null);
}

/** Wakes the delivery loop (if it runs in this process) once queued messages are committed, so codes go out at once. */
export function messagesQueued(): void {
  wakeDelivery()?.();
}

/** The holder's contacts, and the account's language (the import's `language` column) that notices to them use. */
async function holderContacts(accountId: number): Promise<{ contacts: Contact[]; language: Language }> {
  const account = await getAccount(accountId);
  if (!account) throw new Error(`notifyHolder: no account with id ${accountId}`);
  const phone = await holderLine(accountId);
  return {
    contacts: [
      ...(account.email ? [{ channel: 'email' as const, recipient: account.email }] : []),
      ...(phone ? [{ channel: 'sms' as const, recipient: phone }] : []),
    ],
    language: account.language,
  };
}

const MINUTE = 60_000;
/** Wait after the 1st, 2nd, … failure; the 8th failure is final (about 22 hours after the first try). */
export const RETRY_DELAYS_MS = [MINUTE / 2, 2 * MINUTE, 10 * MINUTE, 60 * MINUTE, 180 * MINUTE, 360 * MINUTE, 720 * MINUTE];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
// Longer than any transport's timeout, so a claimed message is only picked up again if its process died.
const LEASE_MS = 2 * MINUTE;
const BATCH_SIZE = 25;

/** One delivery pass over due messages. The transport is a parameter so tests can make delivery fail. */
export async function deliverPendingMessages(
  now = new Date(),
  transport: Transport = configuredTransport(),
): Promise<{ sent: number; failed: number; retried: number; expired: number }> {
  const batch = await claimDueMessages(now, new Date(now.getTime() + LEASE_MS), BATCH_SIZE);
  const outcomes = await Promise.all(batch.map((message) => deliverOne(message, transport, now)));
  return {
    sent: outcomes.filter((outcome) => outcome === 'sent').length,
    failed: outcomes.filter((outcome) => outcome === 'failed').length,
    retried: outcomes.filter((outcome) => outcome === 'retried').length,
    expired: outcomes.filter((outcome) => outcome === 'expired').length,
  };
}

async function deliverOne(message: OutboxMessage, transport: Transport, now: Date): Promise<'sent' | 'failed' | 'retried' | 'expired'> {
  const attempts = message.attempts + 1;
  // A code that expired before it could be sent is useless to its owner and worth something to anyone else.
  if (message.expiresAt && message.expiresAt.getTime() <= now.getTime()) {
    await markExpired(message.id, message.attempts);
    log('warn', 'notice expired before it could be delivered', {
      outboxId: message.id,
      channel: message.channel,
      to: maskRecipient(message),
    });
    return 'expired';
  }
  try {
    await transport.send(message);
    await markSent(message.id, attempts, new Date(), !getConfig().demoMode);
    return 'sent';
  } catch (error) {
    // Transport errors repeat the recipient ("550 no such user jordan@…"): keep the kind of failure only.
    const reason = errorSummary(error);
    const fields = { outboxId: message.id, channel: message.channel, to: maskRecipient(message), attempts, error: reason };
    if (attempts >= MAX_ATTEMPTS) {
      await markFailed(message.id, attempts, reason, !getConfig().demoMode);
      log('error', 'notice could not be delivered; giving up', fields);
      return 'failed';
    }
    await markRetry(message.id, attempts, new Date(now.getTime() + RETRY_DELAYS_MS[attempts - 1]!), reason);
    log('warn', 'notice delivery failed; will retry', fields);
    return 'retried';
  }
}

// Set while the delivery loop runs in this process, so a queued code goes out at once rather than at the next tick.
let loop: BackgroundLoop | undefined;
const wakeDelivery = () => loop && (() => loop!.wake());

/** Starts the delivery loop (also woken when a notice is queued, so codes go out at once); returns a stop function. */
export function startOutboxDelivery(options: { intervalMs?: number } = {}): () => void {
  const started = startBackgroundLoop(
    'outbox delivery',
    async () => {
      const { sent, failed, retried, expired } = await deliverPendingMessages();
      return sent + failed + retried + expired === BATCH_SIZE; // a full batch suggests more are due
    },
    options.intervalMs ?? 5_000,
  );
  loop = started;
  return () => {
    started.stop();
    if (loop === started) loop = undefined;
  };
}
