// Which fields of an account each incident exposed, as imported.
import { eq, min, sql } from 'drizzle-orm';
import { customers, exposures, passkeys } from '../../db/schema';
import { preparedStatements } from './db.server';

// Both are read by every dashboard view.
const reads = preparedStatements((db) => ({
  exposedFields: db
    .select({ incidentId: exposures.incidentId, fields: exposures.fields })
    .from(exposures)
    .where(eq(exposures.accountId, sql.placeholder('accountId')))
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

/** When the account's first passkey was created, or null when it has none. */
export async function getFirstPasskeyCreatedAt(accountId: number): Promise<Date | null> {
  return reads().firstPasskeyCreatedAt.get({ accountId })?.first ?? null;
}
