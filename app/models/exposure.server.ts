// Which fields of an account each incident exposed, as imported.
import { eq, min, sql } from 'drizzle-orm';
import { customers, exposures, passkeys } from '../../db/tables';
import { preparedStatements } from './db.server';

// Read by every dashboard view.
const reads = preparedStatements((prepare) => ({
  exposedFields: prepare((db) =>
    db
      .select({ incidentId: exposures.incidentId, fields: exposures.fields })
      .from(exposures)
      .where(eq(exposures.accountId, sql.placeholder('accountId'))),
  ),
  firstPasskeyOfPerson: prepare((db) =>
    db
      .select({ first: min(passkeys.createdAt) })
      .from(passkeys)
      .where(eq(passkeys.customerId, sql.placeholder('personId'))),
  ),
  firstPasskeyCreatedAt: prepare((db) =>
    db
      .select({ first: min(passkeys.createdAt) })
      .from(passkeys)
      .innerJoin(customers, eq(passkeys.customerId, customers.id))
      .where(eq(customers.accountId, sql.placeholder('accountId'))),
  ),
}));

/** incident id → exposed field ids, for one account. */
export async function getExposedFields(accountId: number): Promise<Map<string, string[]>> {
  const rows = await reads().exposedFields.all({ accountId });
  return new Map(rows.map((row) => [row.incidentId, row.fields.split(';').filter(Boolean)]));
}

/** When the person's first passkey was created (anyone's on the account without a person), or null when none. */
export async function getFirstPasskeyCreatedAt(accountId: number, personId?: number): Promise<Date | null> {
  const row =
    personId !== undefined ? await reads().firstPasskeyOfPerson.get({ personId }) : await reads().firstPasskeyCreatedAt.get({ accountId });
  return row?.first ?? null;
}
