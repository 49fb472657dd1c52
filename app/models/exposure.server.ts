// Which fields of an account each incident exposed, as imported.
import { eq, min, sql } from 'drizzle-orm';
import { customers, exposures, passkeys } from '../../db/schema';
import { preparedStatements } from './db.server';

// Read by every dashboard view.
const reads = preparedStatements((db) => ({
  exposedFields: db
    .select({ incidentId: exposures.incidentId, fields: exposures.fields })
    .from(exposures)
    .where(eq(exposures.accountId, sql.placeholder('accountId')))
    .prepare(),
  firstPasskeyOfPerson: db
    .select({ first: min(passkeys.createdAt) })
    .from(passkeys)
    .where(eq(passkeys.customerId, sql.placeholder('personId')))
    .prepare(),
  firstPasskeyCreatedAt: db
    .select({ first: min(passkeys.createdAt) })
    .from(passkeys)
    .innerJoin(customers, eq(passkeys.customerId, customers.id))
    .where(eq(customers.accountId, sql.placeholder('accountId')))
    .prepare(),
}));

/** incident id → exposed field ids, for one account. */
export async function getExposedFields(accountId: number): Promise<Map<string, string[]>> {
  const rows = reads().exposedFields.all({ accountId });
  return new Map(rows.map((row) => [row.incidentId, row.fields.split(';').filter(Boolean)]));
}

/** When the person's first passkey was created (anyone's on the account without a person), or null when none. */
export async function getFirstPasskeyCreatedAt(accountId: number, personId?: number): Promise<Date | null> {
  if (personId !== undefined) return reads().firstPasskeyOfPerson.get({ personId })?.first ?? null;
  return reads().firstPasskeyCreatedAt.get({ accountId })?.first ?? null;
}
