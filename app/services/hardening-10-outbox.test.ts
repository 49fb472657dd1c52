// Finding 10: pending outbox rows held the plaintext code for up to 22 hours of retries, and a code could still be
// sent after it expired.
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listRecentMessages } from '~/models/outbox.server';
import { accounts, outbox } from '../../db/tables';
import { storedAnywhere, testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { deliverPendingMessages, textLine } from './notifier.server';
import type { Transport } from './notify-transports.server';

beforeAll(() => withDemoAccounts());
beforeEach(async () => {
  await testDatabase().run((db) => db.delete(outbox));
});

const accountId = async () =>
  (await testDatabase().get((db) => db.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, '100000004'))))!.id;

describe('finding 10: codes are not in clear at rest, and never sent after they expired', () => {
  it('seals message bodies at rest with a key outside the database: the file holds no code while it waits', async () => {
    await textLine(await accountId(), '+15035550105', { key: 'code', values: { code: '737373' } });
    const stored = (await testDatabase().get((db) => db.select({ body: outbox.body }).from(outbox)))!.body;
    expect(stored).toMatch(/^enc1:/);
    expect(stored).not.toContain('737373');
    // The SQLite file's bytes, or on PostgreSQL every row of every table.
    expect(await storedAnywhere('737373')).toBe(false);
    // The portal itself reads it back (and /dev/outbox in demo mode shows it).
    expect((await listRecentMessages(1))[0]!.body).toContain('737373');
  });

  it('marks a message whose code expired as expired instead of sending it', async () => {
    const sent: string[] = [];
    const transport: Transport = { send: async (message) => void sent.push(message.body) };
    await textLine(
      await accountId(),
      '+15035550105',
      { key: 'code', values: { code: '616161' } },
      { expiresAt: new Date(Date.now() + 60_000) },
    );
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await deliverPendingMessages(later, transport)).toEqual({ sent: 0, failed: 0, retried: 0, expired: 1 });
    expect(sent).toEqual([]);
    const [row] = await listRecentMessages(1);
    expect(row).toMatchObject({ status: 'expired' });
    expect(row!.body).not.toContain('616161');
  });
});
