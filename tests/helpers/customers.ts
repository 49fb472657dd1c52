// Test shortcuts: a customer with a registered soft passkey, and a signed-in browser.
import { eq } from 'drizzle-orm';
import { ensurePerson, holderLine } from '../../app/models/person.server';
import { startCustomerSession } from '../../app/services/session.server';
import { createRegistrationOptions, registerPasskey } from '../../app/services/webauthn.server';
import { accounts } from '../../db/tables';
import { testDatabase } from './db';
import { CookieJar } from './requests';
import { SoftAuthenticator } from './soft-authenticator';

export async function accountIdOf(accountNumber: string): Promise<number> {
  const account = await testDatabase().get((db) =>
    db.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, accountNumber)),
  );
  if (!account) throw new Error(`no account ${accountNumber} in the test database`);
  return account.id;
}

/** Registers a soft passkey for a person on the account (the holder unless `phone` names another line) through the real registration code. */
export async function customerWithPasskey(accountNumber: string, authenticator = new SoftAuthenticator(), phone?: string) {
  const accountId = await accountIdOf(accountNumber);
  const customer = await ensurePerson(accountId, phone ?? (await holderLine(accountId))!);
  const owner = { kind: 'customer' as const, id: customer.id };
  const browser = new CookieJar();
  const { options, headers } = await createRegistrationOptions(browser.request('/'), {
    owner,
    userHandle: customer.webauthnUserId,
    userName: 'test',
  });
  browser.take(new Response(null, { headers }));
  const result = await registerPasskey(browser.request('/'), owner, authenticator.register(options));
  if (!result.ok) throw new Error(`registration failed: ${result.reason}`);
  return { customer, owner, authenticator, credentialId: result.passkey.id };
}

export async function signedInBrowser(customerId: number, userAgent?: string): Promise<CookieJar> {
  const browser = new CookieJar(userAgent);
  const cookie = await startCustomerSession(browser.request('/'), customerId, { stepUp: false });
  browser.take(new Response(null, { headers: { 'Set-Cookie': cookie } }));
  return browser;
}
