// Customers: the people who sign in to an account. One customer row per account, created at first enrollment.
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { accountLines, accounts, customers, passkeys, type Customer } from '../../db/schema';
import { getDb } from './db.server';

export async function findAccountIdByNumber(accountNumber: string): Promise<number | null> {
  const row = getDb().select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, accountNumber)).get();
  return row?.id ?? null;
}

/** The account only when the phone is one of its lines: both must match. */
export async function findAccountIdByNumberAndPhone(accountNumber: string, phone: string): Promise<number | null> {
  const row = getDb()
    .select({ id: accounts.id })
    .from(accounts)
    .innerJoin(accountLines, eq(accountLines.accountId, accounts.id))
    .where(and(eq(accounts.accountNumber, accountNumber), eq(accountLines.phone, phone)))
    .get();
  return row?.id ?? null;
}

export async function findCustomerById(customerId: number): Promise<Customer | null> {
  return getDb().select().from(customers).where(eq(customers.id, customerId)).get() ?? null;
}

export async function findCustomerByAccountId(accountId: number): Promise<Customer | null> {
  return getDb().select().from(customers).where(eq(customers.accountId, accountId)).get() ?? null;
}

/** The account's customer, created on first use with a random WebAuthn user handle (no personal data). */
export async function ensureCustomer(accountId: number): Promise<Customer> {
  const db = getDb();
  db.insert(customers)
    .values({ accountId, webauthnUserId: randomBytes(32).toString('base64url') })
    .onConflictDoNothing({ target: customers.accountId })
    .run();
  return db.select().from(customers).where(eq(customers.accountId, accountId)).get()!;
}

/** Whether anyone on this account has set up a passkey (agent console, dashboard checklist). */
export async function hasPasskey(accountId: number): Promise<boolean> {
  const row = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(passkeys)
    .innerJoin(customers, eq(customers.id, passkeys.customerId))
    .where(eq(customers.accountId, accountId))
    .get();
  return (row?.n ?? 0) > 0;
}
