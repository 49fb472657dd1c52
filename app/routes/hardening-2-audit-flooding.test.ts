// Finding 2: the append-only audit log could be flooded: the verify steps had no rate limit, a made-up challenge still
// wrote an audit row, and every view of the statement wrote one.
import { count, like, sum } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { markStepUp, getCustomerSession } from '~/services/session.server';
import { auditEvents, rateLimits } from '../../db/tables';
import { customerWithPasskey, signedInBrowser } from '../../tests/helpers/customers';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { args, CookieJar } from '../../tests/helpers/requests';
import { SoftAuthenticator } from '../../tests/helpers/soft-authenticator';
import { loader as statementLoader } from './account.statement';
import { action as verifyAction } from './auth.passkey.verify';
import { action as staffAuthAction } from './staff.auth';

beforeAll(() => withDemoAccounts());

const auditCount = async () => (await testDatabase().get((db) => db.select({ n: count() }).from(auditEvents)))!.n;

/** An assertion signed by a real passkey for a challenge the portal never issued. */
async function madeUpAssertion() {
  const authenticator = new SoftAuthenticator();
  const { credentialId } = await customerWithPasskey('100000003', authenticator);
  return authenticator.assert(
    { challenge: Buffer.from(`made-up-${Math.random()}`).toString('base64url'), rpId: 'localhost', allowCredentials: [] },
    { credentialId },
  );
}

describe('finding 2: the audit log cannot be flooded', () => {
  it('customer sign-in verification is rate limited per client, with a 429 saying when to try again', async () => {
    const browser = new CookieJar();
    const response = await madeUpAssertion();
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      statuses.push((await verifyAction(args(browser.json('/auth/passkey/verify', { mode: 'sign-in', response }), browser))).status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 400)).toBe(true);
    const limited = await verifyAction(args(browser.json('/auth/passkey/verify', { mode: 'sign-in', response }), browser));
    expect(limited.status).toBe(429);
    expect((await limited.json()).message).toMatch(/^Too many attempts\. Please try again in \d+ minutes?\.$/);
  });

  it('the staff verify step is rate limited too', async () => {
    const browser = new CookieJar();
    const response = await madeUpAssertion();
    let last = 0;
    for (let i = 0; i < 31; i++)
      last = (await staffAuthAction(args(browser.json('/staff/auth', { step: 'verify', response }), browser))).status;
    expect(last).toBe(429);
  });

  it('a made-up challenge writes no audit row: such failures are counted instead', async () => {
    const response = await madeUpAssertion();
    const before = await auditCount();
    for (let i = 0; i < 10; i++) {
      const browser = new CookieJar();
      expect((await verifyAction(args(browser.json('/auth/passkey/verify', { mode: 'sign-in', response }), browser))).status).toBe(400);
      expect((await staffAuthAction(args(browser.json('/staff/auth', { step: 'verify', response }), browser))).status).toBe(400);
    }
    expect(await auditCount()).toBe(before);
    const counted = await testDatabase().get((db) =>
      db
        .select({ n: sum(rateLimits.count).mapWith(Number) })
        .from(rateLimits)
        .where(like(rateLimits.key, 'ceremony-failures.unknown-challenge:%')),
    );
    expect(counted!.n).toBeGreaterThanOrEqual(20);
  });

  it('one audit event per statement reference, however often the statement is viewed', async () => {
    const { customer } = await customerWithPasskey('100000007');
    const browser = await signedInBrowser(customer.id);
    await markStepUp((await getCustomerSession(browser.request('/account')))!);
    const before = await auditCount();
    const views = [];
    for (let i = 0; i < 5; i++) views.push(await statementLoader(args(browser.request('/account/statement'), browser)));
    expect(new Set(views.map((view) => view.reference)).size).toBe(1);
    expect(await auditCount()).toBe(before + 1);
  });
});
