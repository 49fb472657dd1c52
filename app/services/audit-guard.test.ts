import { describe, expect, it } from 'vitest';
import { testDb } from '../../tests/helpers/db';
import { recordAudit } from './audit.server';

describe('the audit log in the database', () => {
  it('refuses to change or delete events: it is append-only below the code too', async () => {
    await recordAudit({ actor: { type: 'system', id: null }, action: 'outbox.failed' });
    const db = testDb().$client;
    expect(() => db.prepare("UPDATE audit_events SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
  });
});
