import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/tables';
import { testDatabase } from '../../tests/helpers/db';
import { recordAudit } from './audit.server';

/** The database's own refusal: drizzle wraps the driver's error on PostgreSQL, with the driver's as its cause. */
const refusal = (write: Promise<unknown>) =>
  write.then(
    () => 'no error',
    (error: Error & { cause?: Error }) => `${error.message} ${error.cause?.message ?? ''}`,
  );

describe('the audit log in the database', () => {
  it('refuses to change or delete events: it is append-only below the code too', async () => {
    await recordAudit({ actor: { type: 'system', id: null }, action: 'outbox.failed' });
    const db = testDatabase();
    expect(await refusal(db.run((q) => q.update(auditEvents).set({ action: 'x' })))).toMatch(/append-only/);
    expect(await refusal(db.run((q) => q.delete(auditEvents)))).toMatch(/append-only/);
    expect(await db.all((q) => q.select({ action: auditEvents.action }).from(auditEvents))).toEqual([{ action: 'outbox.failed' }]);
  });
});
