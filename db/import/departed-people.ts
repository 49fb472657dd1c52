// After an accounts import: a person whose line is no longer on their account loses access at once. Their sessions
// end, their passkeys go and their person row with them (a recycled number's next user starts afresh), audited.
import { appendAuditEvent, type AuditKeys } from '../audit-chain';
import type { Db } from '../client';
import { sqliteDatabase } from '../database.sqlite';

export async function endAccessOfDepartedPeople(db: Db, operator: string, audit: AuditKeys): Promise<number> {
  const database = sqliteDatabase(db);
  const sqlite = db.$client;
  const departed = sqlite
    .prepare(
      `SELECT c.id, c.account_id AS accountId,
        (SELECT count(*) FROM main.passkeys p WHERE p.customer_id = c.id) AS passkeys,
        (SELECT count(*) FROM main.sessions s WHERE s.customer_id = c.id AND s.revoked_at IS NULL) AS sessions
      FROM main.customers c
      WHERE NOT EXISTS (SELECT 1 FROM main.account_lines l WHERE l.account_id = c.account_id AND l.phone = c.phone)`,
    )
    .all() as Array<{ id: number; accountId: number; passkeys: number; sessions: number }>;
  const remove = sqlite.prepare('DELETE FROM main.customers WHERE id = ?'); // passkeys and sessions cascade
  for (const person of departed) {
    sqlite.transaction(() => remove.run(person.id)).immediate();
    await appendAuditEvent(
      database,
      {
        actorType: 'operator',
        actorId: operator,
        action: 'person.access_removed',
        accountId: person.accountId,
        details: {
          personId: person.id,
          reason: 'their line left the account in an import',
          sessions: person.sessions,
          passkeys: person.passkeys,
        },
      },
      audit,
    );
  }
  return departed.length;
}
