// Which fields of an account each incident exposed, as imported.
import { eq, min } from 'drizzle-orm';
import { customers, exposures, passkeys } from '../../db/schema';
import { getDb } from './db.server';

/** incident id → exposed field ids, for one account. */
export async function getExposedFields(accountId: number): Promise<Map<string, string[]>> {
  const rows = getDb()
    .select({ incidentId: exposures.incidentId, fields: exposures.fields })
    .from(exposures)
    .where(eq(exposures.accountId, accountId))
    .all();
  return new Map(rows.map((row) => [row.incidentId, row.fields.split(';').filter(Boolean)]));
}

/** When the account's first passkey was created, or null when it has none. */
export async function getFirstPasskeyCreatedAt(accountId: number): Promise<Date | null> {
  const row = getDb()
    .select({ first: min(passkeys.createdAt) })
    .from(passkeys)
    .innerJoin(customers, eq(passkeys.customerId, customers.id))
    .where(eq(customers.accountId, accountId))
    .get();
  return row?.first ?? null;
}
