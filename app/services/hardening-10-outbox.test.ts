// Finding 10: pending outbox rows held the plaintext code for up to 22 hours of retries, and a code could still be
// sent after it expired.
import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '~/config.server';
import { listRecentMessages } from '~/models/outbox.server';
import { outbox } from '../../db/schema';
import { testDb, withDemoAccounts } from '../../tests/helpers/db';
import { deliverPendingMessages, textLine } from './notifier.server';
import type { Transport } from './notify-transports.server';

beforeAll(() => withDemoAccounts());
beforeEach(() => testDb().delete(outbox).run());

const accountId = () => testDb().$client.prepare("SELECT id FROM accounts WHERE account_number = '100000004'").pluck().get() as number;

describe('finding 10: codes are not in clear at rest, and never sent after they expired', () => {
  it('seals message bodies at rest with a key outside the database: the file holds no code while it waits', async () => {
    await textLine(accountId(), '+15035550105', { key: 'code', values: { code: '737373' } });
    const stored = testDb().$client.prepare('SELECT body FROM outbox').pluck().get() as string;
    expect(stored).toMatch(/^enc1:/);
    expect(stored).not.toContain('737373');
    testDb().$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(getConfig().databasePath).includes(Buffer.from('737373'))).toBe(false);
    // The portal itself reads it back (and /dev/outbox in demo mode shows it).
    expect((await listRecentMessages(1))[0]!.body).toContain('737373');
  });

  it('marks a message whose code expired as expired instead of sending it', async () => {
    const sent: string[] = [];
    const transport: Transport = { send: async (message) => void sent.push(message.body) };
    await textLine(accountId(), '+15035550105', { key: 'code', values: { code: '616161' } }, { expiresAt: new Date(Date.now() + 60_000) });
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await deliverPendingMessages(later, transport)).toEqual({ sent: 0, failed: 0, retried: 0, expired: 1 });
    expect(sent).toEqual([]);
    const [row] = await listRecentMessages(1);
    expect(row).toMatchObject({ status: 'expired' });
    expect(row!.body).not.toContain('616161');
  });
});
