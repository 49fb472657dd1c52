import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accounts, outbox } from '../../db/tables';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { deliverPendingMessages, notifyHolder } from './notifier.server';
import {
  byChannel,
  smtpTransport,
  transportFor,
  webhookTransport,
  type DeliverableMessage,
  type Transport,
} from './notify-transports.server';

const sms: DeliverableMessage = { id: 1, channel: 'sms', recipient: '+12065550101', subject: 'Your code', body: 'Your code is 482913.' };

let server: Server;
let url: string;
let answer = 200;
let hang = false;
const received: { headers: IncomingMessage['headers']; body: unknown }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(raw) });
      if (hang) return; // never answer, to exercise the timeout
      res.writeHead(answer, { 'Content-Type': 'text/plain' }).end(answer === 200 ? 'queued' : 'boom');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('webhook transport', () => {
  it('POSTs {to, channel, subject, body} as JSON with the bearer token', async () => {
    answer = 200;
    received.length = 0;
    await webhookTransport({ url, token: 's3cret' }).send(sms);
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toEqual({ to: '+12065550101', channel: 'sms', subject: 'Your code', body: 'Your code is 482913.' });
    expect(received[0]!.headers.authorization).toBe('Bearer s3cret');
    expect(received[0]!.headers['content-type']).toBe('application/json');
  });

  it('sends no Authorization header without a token', async () => {
    received.length = 0;
    await webhookTransport({ url, token: null }).send(sms);
    expect(received[0]!.headers.authorization).toBeUndefined();
  });

  it('treats a 500 as a failed delivery that will be retried, keeping the reason', async () => {
    vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    await withDemoAccounts();
    await testDatabase().run((db) => db.delete(outbox));
    const { id } = (await testDatabase().get((db) =>
      db.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, '100000010')),
    ))!;
    await notifyHolder(id, { key: 'passkeyAdded' });
    answer = 500;
    expect(await deliverPendingMessages(new Date(), webhookTransport({ url, token: null }))).toEqual({
      sent: 0,
      failed: 0,
      retried: 1,
      expired: 0,
    });
    expect(await testDatabase().get((db) => db.select().from(outbox))).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'DeliveryError HTTP 500',
    });
    vi.restoreAllMocks();
  });

  it('gives up on a gateway that does not answer in time', async () => {
    hang = true;
    try {
      await expect(webhookTransport({ url, token: null }, 200).send(sms)).rejects.toThrow('webhook did not answer within 0.2 s');
    } finally {
      hang = false;
    }
  });

  it('reports an unreachable gateway', async () => {
    await expect(webhookTransport({ url: 'http://127.0.0.1:9/send', token: null }).send(sms)).rejects.toThrow(/webhook unreachable/);
  });
});

describe('smtp transport', () => {
  it('hands an email to the SMTP server named by the URL, and refuses a text message', async () => {
    const received: Array<{ from: string; to: string[]; message: string }> = [];
    // nodemailer's own SMTP server, as a real peer: it parses the session and hands over each message.
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let message = '';
        stream.on('data', (chunk: Buffer) => (message += chunk.toString()));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            message,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    try {
      const port = (smtp.server.address() as AddressInfo).port;
      const transport = smtpTransport({ url: `smtp://127.0.0.1:${port}`, from: 'Portal <portal@example.com>' });
      await transport.send({ ...sms, channel: 'email', recipient: 'jordan@example.com' });
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ from: 'portal@example.com', to: ['jordan@example.com'] });
      expect(received[0]!.message).toContain('Subject: Your code');
      expect(received[0]!.message).toContain('Your code is 482913.');
      await expect(transport.send(sms)).rejects.toThrow('SMTP delivers email only');
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});

describe('transport choice', () => {
  it('routes by channel', async () => {
    const seen: string[] = [];
    const tagged = (tag: string): Transport => ({ send: async () => void seen.push(tag) });
    const transport = byChannel({ email: tagged('smtp'), sms: tagged('webhook') });
    await transport.send(sms);
    await transport.send({ ...sms, channel: 'email', recipient: 'j@example.com' });
    expect(seen).toEqual(['webhook', 'smtp']);
  });

  it('webhook mode sends every channel to the webhook', async () => {
    answer = 200;
    received.length = 0;
    const transport = transportFor({ transport: 'webhook', smtp: null, smsWebhook: { url, token: null } });
    await transport.send({ ...sms, channel: 'email', recipient: 'j@example.com' });
    expect(received[0]!.body).toMatchObject({ channel: 'email', to: 'j@example.com' });
  });
});
