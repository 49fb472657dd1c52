import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema';
import { testDb } from '../../tests/helpers/db';
import { markFailed, markSent, queueMessages } from './outbox.server';
import { unseal } from './sealed-text.server';

function queued(body: string): number {
  return testDb()
    .insert(outbox)
    .values({ channel: 'sms', recipient: '+12065550101', subject: 'Your code', body })
    .returning({ id: outbox.id })
    .get().id;
}

describe('stored messages', () => {
  it('blank one-time codes once sent or given up on, when asked to (outside demo mode)', async () => {
    const sent = queued('Your breach-check code is 123456. It expires in 10 minutes.');
    const failed = queued('Your code is 654321.');
    const kept = queued('Your code is 111222.');
    await markSent(sent, 1, new Date(), true);
    await markFailed(failed, 8, 'gateway down', true);
    await markSent(kept, 1, new Date(), false);
    const body = (id: number) => unseal(testDb().select({ body: outbox.body }).from(outbox).where(eq(outbox.id, id)).get()!.body);
    expect(body(sent)).toBe('Your breach-check code is [code removed after sending]. It expires in 10 minutes.');
    expect(body(failed)).toBe('Your code is [code removed after sending].');
    expect(body(kept)).toBe('Your code is 111222.');
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
    const row = testDb().select().from(outbox).where(eq(outbox.recipient, 'a@example.com')).get()!;
    await markSent(row.id, 1, new Date(), true);
    expect(testDb().select({ body: outbox.body }).from(outbox).where(eq(outbox.id, row.id)).get()!.body).toBe(row.body);
  });
});
