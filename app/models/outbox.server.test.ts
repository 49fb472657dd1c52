import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox } from '../../db/tables';
import { testDatabase } from '../../tests/helpers/db';
import { markFailed, markSent, queueMessages } from './outbox.server';
import { unseal } from './sealed-text.server';

async function queued(body: string): Promise<number> {
  const row = await testDatabase().get((db) =>
    db.insert(outbox).values({ channel: 'sms', recipient: '+12065550101', subject: 'Your code', body }).returning({ id: outbox.id }),
  );
  return row!.id;
}

const storedBody = async (id: number) =>
  (await testDatabase().get((db) => db.select({ body: outbox.body }).from(outbox).where(eq(outbox.id, id))))!.body;

describe('stored messages', () => {
  it('blank one-time codes once sent or given up on, when asked to (outside demo mode)', async () => {
    const sent = await queued('Your breach-check code is 123456. It expires in 10 minutes.');
    const failed = await queued('Your code is 654321.');
    const kept = await queued('Your code is 111222.');
    await markSent(sent, 1, new Date(), true);
    await markFailed(failed, 8, 'gateway down', true);
    await markSent(kept, 1, new Date(), false);
    const body = async (id: number) => unseal(await storedBody(id));
    expect(await body(sent)).toBe('Your breach-check code is [code removed after sending]. It expires in 10 minutes.');
    expect(await body(failed)).toBe('Your code is [code removed after sending].');
    expect(await body(kept)).toBe('Your code is 111222.');
  });

  it('leave notices without codes untouched', async () => {
    await queueMessages([
      {
        accountId: null,
        channel: 'email',
        recipient: 'a@example.com',
        subject: 'PIN changed',
        body: "Your account PIN was changed. If this wasn't you, call 611.",
      },
    ]);
    const row = (await testDatabase().get((db) => db.select().from(outbox).where(eq(outbox.recipient, 'a@example.com'))))!;
    await markSent(row.id, 1, new Date(), true);
    expect(await storedBody(row.id)).toBe(row.body);
  });
});
