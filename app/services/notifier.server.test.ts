import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { opened } from '~/models/outbox.server';
import { accounts, outbox } from '../../db/tables';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { latestMessageTo, listRecentMessages } from '../models/outbox.server';
import {
  deliverPendingMessages,
  MAX_ATTEMPTS,
  NoticeContainsLinkError,
  notifyHolder,
  notifyPerson,
  RETRY_DELAYS_MS,
  startOutboxDelivery,
  textLine,
  type Notice,
} from './notifier.server';
import { logTransport, type Transport } from './notify-transports.server';

const notice: Notice = { key: 'pinChanged', values: { at: new Date('2026-12-02T17:12:00Z') } };
const worded = { subject: 'Your account PIN was changed', body: expect.stringContaining('December 2, 2026 at 9:12 AM Pacific time') };
/** A notice whose one value is `text`: the only way outside words reach a notice. */
const carrying = (text: string): Notice => ({ key: 'accessRemoved', values: { accountEnding: text } });

async function accountId(accountNumber: string): Promise<number> {
  return (await testDatabase().get((db) => db.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, accountNumber))))!
    .id;
}

async function rows() {
  return (await testDatabase().all((db) => db.select().from(outbox).orderBy(outbox.id))).map(opened);
}

const clearOutbox = () => testDatabase().run((db) => db.delete(outbox));

beforeAll(() => withDemoAccounts());
beforeEach(async () => {
  await clearOutbox();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('who a notice goes to', () => {
  it("the holder's contacts are the account email and the holder's own line, not every line on the account", async () => {
    expect(await notifyHolder(await accountId('100000009'), notice)).toEqual({ channels: 2 });
    const queued = await rows();
    expect(queued.map((row) => [row.channel, row.recipient])).toEqual([
      ['email', 'drew@example.com'],
      ['sms', '+15125550110'],
    ]);
    for (const row of queued) expect(row).toMatchObject({ status: 'pending', ...worded });
  });

  it("anyone else's contact is their own line only; the holder's line reaches the holder's contacts", async () => {
    expect(await notifyPerson(await accountId('100000009'), '+15125550113', notice)).toEqual({ channels: 1 });
    expect((await rows()).map((row) => row.recipient)).toEqual(['+15125550113']);
    await clearOutbox();
    expect(await notifyPerson(await accountId('100000009'), '+15125550110', notice)).toEqual({ channels: 2 });
    expect((await rows()).map((row) => row.recipient)).toEqual(['drew@example.com', '+15125550110']);
  });

  it('a code goes by text to the one line asked for, never to the email', async () => {
    expect(await textLine(await accountId('100000001'), '+12065550102', { key: 'code', values: { code: '482913' } })).toEqual({
      channels: 1,
    });
    expect((await rows()).map((row) => [row.channel, row.recipient])).toEqual([['sms', '+12065550102']]);
  });

  it('texts only when there is no email on file', async () => {
    expect(await notifyHolder(await accountId('100000010'), notice)).toEqual({ channels: 1 });
    expect((await rows()).map((row) => row.channel)).toEqual(['sms']);
  });

  it.each(['https://portal.example.com/account/pin', 'http://x.co', 'www.carrier-support.net', 'example.com/pin', 'my-carrier.com'])(
    'refuses a link carried in by a value: %s',
    async (link) => {
      await expect(notifyHolder(await accountId('100000001'), carrying(link))).rejects.toBeInstanceOf(NoticeContainsLinkError);
      await expect(textLine(await accountId('100000001'), '+12065550101', carrying(link))).rejects.toBeInstanceOf(NoticeContainsLinkError);
      expect(await rows()).toHaveLength(0);
    },
  );

  it('allows plain sentences, numbers and a masked email address', async () => {
    await expect(notifyHolder(await accountId('100000001'), carrying('0101 (j•••@example.com), e.g. 611'))).resolves.toEqual({
      channels: 2,
    });
  });

  it('refuses an unknown account', async () => {
    await expect(notifyHolder(999_999, notice)).rejects.toThrow(/no account/);
  });
});

describe('deliverPendingMessages', () => {
  it('sends due messages once', async () => {
    await notifyHolder(await accountId('100000010'), notice);
    const sent: string[] = [];
    const transport: Transport = { send: async (message) => void sent.push(message.recipient) };
    expect(await deliverPendingMessages(new Date(), transport)).toEqual({ sent: 1, failed: 0, retried: 0, expired: 0 });
    expect(await deliverPendingMessages(new Date(), transport)).toEqual({ sent: 0, failed: 0, retried: 0, expired: 0 });
    expect(sent).toEqual(['+13055550114']);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
  });

  it('retries a failing transport with growing waits, then marks the message failed keeping the error', async () => {
    vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    await notifyHolder(await accountId('100000010'), notice);
    const failing: Transport = { send: async () => Promise.reject(new Error('gateway down')) };
    let now = new Date(Date.now() + 1000);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      expect(await deliverPendingMessages(now, failing)).toEqual({ sent: 0, failed: 0, retried: 1, expired: 0 });
      const row = (await rows())[0]!;
      expect(row).toMatchObject({ status: 'pending', attempts: attempt, lastError: 'Error' });
      expect(row.nextAttemptAt!.getTime() - now.getTime()).toBe(RETRY_DELAYS_MS[attempt - 1]);
      // not due yet: nothing happens a second before the wait ends
      expect(await deliverPendingMessages(new Date(row.nextAttemptAt!.getTime() - 1000), failing)).toEqual({
        sent: 0,
        failed: 0,
        retried: 0,
        expired: 0,
      });
      now = row.nextAttemptAt!;
    }
    expect(RETRY_DELAYS_MS.slice(0, 4)).toEqual([30_000, 120_000, 600_000, 3_600_000]);
    expect(await deliverPendingMessages(now, failing)).toEqual({ sent: 0, failed: 1, retried: 0, expired: 0 });
    expect((await rows())[0]).toMatchObject({ status: 'failed', attempts: 8, lastError: 'Error', nextAttemptAt: null });
    expect(await deliverPendingMessages(new Date(now.getTime() + 86_400_000), failing)).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
      expired: 0,
    });
  });

  it('log transport: one line per message, recipient masked, never the body or the subject', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => lines.push(String(chunk)) > 0);
    await notifyHolder(await accountId('100000001'), { key: 'code', values: { code: '482913' } });
    await textLine(await accountId('100000001'), '+12065550102', { key: 'code', values: { code: '482913' } });
    expect(await deliverPendingMessages(new Date(), logTransport())).toEqual({ sent: 3, failed: 0, retried: 0, expired: 0 });
    vi.restoreAllMocks();
    expect(lines).toHaveLength(3);
    const output = lines.join('');
    expect(output).toContain('j•••@example.com');
    expect(output).toContain('•••-•••-0101');
    expect(output).toContain('•••-•••-0102');
    for (const secret of ['482913', 'breach-check code', 'jordan@', '2065550101']) expect(output).not.toContain(secret);
  });
});

describe('outbox model and loop', () => {
  it('lists newest first and finds the latest message to a recipient', async () => {
    await notifyHolder(await accountId('100000010'), { key: 'pinSet', values: { at: new Date() } });
    await notifyHolder(await accountId('100000010'), notice);
    expect((await listRecentMessages(10)).map((message) => message.subject)).toEqual([
      'Your account PIN was changed',
      'An account PIN was set',
    ]);
    expect((await latestMessageTo('+13055550114'))?.body).toContain('December 2, 2026');
    expect(await latestMessageTo('+10000000000')).toBeNull();
  });

  it('the loop delivers a queued notice promptly and stops when asked', async () => {
    vi.spyOn(process.stdout, 'write').mockReturnValue(true);
    const stop = startOutboxDelivery({ intervalMs: 60_000 });
    try {
      await notifyHolder(await accountId('100000010'), notice);
      await vi.waitFor(async () => expect((await rows())[0]?.status).toBe('sent'), { timeout: 2000 });
    } finally {
      stop();
    }
    await notifyHolder(await accountId('100000010'), notice);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await rows())[1]?.status).toBe('pending');
  });
});
