// After an accounts import: a person whose line is no longer on their account loses access at once. Their sessions
// end, their passkeys go and their person row with them (a recycled number's next user starts afresh), audited.
// Through the engine interface, so SQLite and PostgreSQL remove and audit the same people the same way.
import { and, eq, notExists, sql } from 'drizzle-orm';
import { appendAuditEvent, type AuditKeys } from '../audit-chain';
import type { Database } from '../database';
import { accountLines, customers, passkeys, sessions } from '../tables';

export async function endAccessOfDepartedPeople(database: Database, operator: string, audit: AuditKeys): Promise<number> {
  const departed = await database.all((q) =>
    q
      .select({
        id: customers.id,
        accountId: customers.accountId,
        // Spelled out: in a one-table select drizzle leaves columns unqualified, which the subquery would read as its own.
        passkeys: sql<number>`(SELECT count(*) FROM ${passkeys} p WHERE p.customer_id = ${customers}.id)`.mapWith(Number),
        sessions: sql<number>`(SELECT count(*) FROM ${sessions} s WHERE s.customer_id = ${customers}.id AND s.revoked_at IS NULL)`.mapWith(
          Number,
        ),
      })
      .from(customers)
      .where(
        notExists(
          q
            .select({ one: sql`1` })
            .from(accountLines)
            .where(and(eq(accountLines.accountId, customers.accountId), eq(accountLines.phone, customers.phone))),
        ),
      ),
  );
  for (const person of departed) {
    // Passkeys and sessions go with the person row (ON DELETE CASCADE).
    await database.transaction((tx) => tx.run((q) => q.delete(customers).where(eq(customers.id, person.id))));
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
