// How a queued message leaves the portal: the server log, SMTP (email) or an HTTP webhook (SMS gateway).
import nodemailer from 'nodemailer';
import type { OutboxMessage } from '../../db/schema';
import { getConfig, type Config } from '../config.server';
import { maskEmail, maskPhone } from '../utils/mask';
import { log } from './logger.server';

export type DeliverableMessage = Pick<OutboxMessage, 'id' | 'channel' | 'recipient' | 'subject' | 'body'>;

/** A delivery that did not happen, with a code that is safe to store and log (never a recipient). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Resolves when the message was handed over; throws (its class and code are kept as lastError) when not. */
export interface Transport {
  send(message: DeliverableMessage): Promise<void>;
}

const TIMEOUT_MS = 10_000;

export function maskRecipient(message: Pick<DeliverableMessage, 'channel' | 'recipient'>): string {
  return message.channel === 'email' ? maskEmail(message.recipient) : maskPhone(message.recipient);
}

/** One line per message, recipient masked and never the body or subject: they may carry a one-time code. */
export function logTransport(): Transport {
  return {
    async send(message) {
      log('info', 'notice logged, not sent (NOTIFY_TRANSPORT=log)', {
        outboxId: message.id,
        channel: message.channel,
        to: maskRecipient(message),
      });
    },
  };
}

export function smtpTransport(settings: { url: string; from: string }): Transport {
  const mailer = nodemailer.createTransport({
    url: settings.url,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    async send(message) {
      if (message.channel !== 'email') throw new DeliveryError('SMTP delivers email only', 'not-email');
      await mailer.sendMail({ from: settings.from, to: message.recipient, subject: message.subject, text: message.body });
    },
  };
}

/** POSTs {to, channel, subject, body} as JSON; anything but a 2xx within the timeout is a failure. */
export function webhookTransport(settings: { url: string; token: string | null }, timeoutMs = TIMEOUT_MS): Transport {
  return {
    async send(message) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (settings.token) headers.Authorization = `Bearer ${settings.token}`;
      const { recipient: to, channel, subject, body } = message;
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ to, channel, subject, body }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
      } catch (error) {
        if (error instanceof Error && error.name === 'TimeoutError')
          throw new DeliveryError(`webhook did not answer within ${timeoutMs / 1000} s`, 'timeout');
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
        throw new DeliveryError(`webhook unreachable: ${cause}`, 'unreachable');
      }
      await response.body?.cancel(); // the answer's content is not used; free the connection
      if (!response.ok) throw new DeliveryError(`webhook answered HTTP ${response.status}`, `HTTP ${response.status}`);
    },
  };
}

export function byChannel(transports: Record<DeliverableMessage['channel'], Transport>): Transport {
  return { send: (message) => transports[message.channel].send(message) };
}

export function transportFor(notify: Config['notify']): Transport {
  const logged = logTransport();
  const webhook = notify.smsWebhook ? webhookTransport(notify.smsWebhook) : null;
  if (notify.transport === 'webhook' && webhook) return webhook;
  if (notify.transport === 'smtp' && notify.smtp) {
    if (!webhook) log('warn', 'text messages will only be logged: set SMS_WEBHOOK_URL to deliver them');
    return byChannel({ email: smtpTransport(notify.smtp), sms: webhook ?? logged });
  }
  return logged;
}

let configured: Transport | undefined;

export function configuredTransport(): Transport {
  configured ??= transportFor(getConfig().notify);
  return configured;
}
