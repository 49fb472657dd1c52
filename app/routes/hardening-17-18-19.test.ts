// Findings 17-19: tests that claimed more than they checked. Sessions at the edges of their limits, ownership of
// every account page and action, and codes stored only in a keyed form.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashCode, issueOneTimeCode, redeemOneTimeCode } from '~/services/one-time-code.server';
import { getCustomerSession, getStaffSession, markStepUp, startCustomerSession, startStaffSession } from '~/services/session.server';
import { oneTimeCodes, passkeys, sessions, staff } from '../../db/tables';
import { accountIdOf, customerWithPasskey, signedInBrowser } from '../../tests/helpers/customers';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { args, CookieJar } from '../../tests/helpers/requests';
import { loader as layoutLoader } from './account';
import { loader as exposureLoader } from './account._index';
import { loader as confirmLoader } from './account.confirm';
import { action as passkeysAction, loader as passkeysLoader } from './account.passkeys';
import { action as peopleAction, loader as peopleLoader } from './account.people';
import { action as pinAction, loader as pinLoader } from './account.pin';
import { action as sessionsAction, loader as sessionsLoader } from './account.sessions';
import { loader as statementLoader } from './account.statement';

const MINUTE = 60_000;
let customerId: number;

beforeAll(async () => {
  await withDemoAccounts();
  customerId = (await customerWithPasskey('100000008')).customer.id;
});

const setSession = (sessionId: number, values: Partial<typeof sessions.$inferInsert>) =>
  testDatabase().run((db) => db.update(sessions).set(values).where(eq(sessions.id, sessionId)));
const sessionRow = async (sessionId: number) =>
  (await testDatabase().get((db) => db.select().from(sessions).where(eq(sessions.id, sessionId))))!;
const newStaff = async (name: string, webauthnUserId: string) =>
  (await testDatabase().get((db) => db.insert(staff).values({ name, role: 'agent', webauthnUserId }).returning({ id: staff.id })))!;

describe('finding 17: sessions at the edges of their limits', () => {
  it('a customer session is alive just before 30 idle minutes, and ended at 30', async () => {
    const browser = await signedInBrowser(customerId);
    const { sessionId } = (await getCustomerSession(browser.request('/account')))!;
    await setSession(sessionId, { lastSeenAt: new Date(Date.now() - 30 * MINUTE + 5_000) });
    expect(await getCustomerSession(browser.request('/account'))).not.toBeNull();
    await setSession(sessionId, { lastSeenAt: new Date(Date.now() - 30 * MINUTE) });
    expect(await getCustomerSession(browser.request('/account'))).toBeNull();
  });

  it('activity does not move the 12-hour limit', async () => {
    const browser = await signedInBrowser(customerId);
    const { sessionId } = (await getCustomerSession(browser.request('/account')))!;
    const created = await sessionRow(sessionId);
    expect(created.expiresAt.getTime() - created.createdAt.getTime()).toBe(12 * 60 * MINUTE);
    await setSession(sessionId, { lastSeenAt: new Date(Date.now() - 2 * MINUTE) }); // so the next read touches it
    await getCustomerSession(browser.request('/account'));
    const touched = await sessionRow(sessionId);
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - MINUTE);
    expect(touched.expiresAt).toEqual(created.expiresAt);
    await setSession(sessionId, { expiresAt: new Date(Date.now() - 1), lastSeenAt: new Date() });
    expect(await getCustomerSession(browser.request('/account'))).toBeNull();
  });

  it('a staff session ends after 15 idle minutes, not 30', async () => {
    const { id } = await newStaff('Edge Case', 'hardening-17');
    const browser = new CookieJar();
    browser.take(new Response(null, { headers: { 'Set-Cookie': await startStaffSession(browser.request('/'), id) } }));
    const { sessionId } = (await getStaffSession(browser.request('/agent')))!;
    await setSession(sessionId, { lastSeenAt: new Date(Date.now() - 15 * MINUTE + 5_000) });
    expect(await getStaffSession(browser.request('/agent'))).not.toBeNull();
    await setSession(sessionId, { lastSeenAt: new Date(Date.now() - 15 * MINUTE) });
    expect(await getStaffSession(browser.request('/agent'))).toBeNull();
  });

  it('rotates the session at staff sign-in and at a customer sign-in after enrollment: the old token stops working', async () => {
    const { id } = await newStaff('Rotated', 'hardening-17b');
    const staffBrowser = new CookieJar();
    staffBrowser.take(new Response(null, { headers: { 'Set-Cookie': await startStaffSession(staffBrowser.request('/'), id) } }));
    const before = new CookieJar();
    for (const [name, value] of staffBrowser.cookies) before.cookies.set(name, value);
    staffBrowser.take(new Response(null, { headers: { 'Set-Cookie': await startStaffSession(staffBrowser.request('/'), id) } }));
    expect(await getStaffSession(before.request('/agent'))).toBeNull();
    expect(await getStaffSession(staffBrowser.request('/agent'))).not.toBeNull();

    const customer = await signedInBrowser(customerId);
    const copy = new CookieJar();
    for (const [name, value] of customer.cookies) copy.cookies.set(name, value);
    customer.take(
      new Response(null, { headers: { 'Set-Cookie': await startCustomerSession(customer.request('/'), customerId, { stepUp: true }) } }),
    );
    expect(await getCustomerSession(copy.request('/account'))).toBeNull();
    expect(await getCustomerSession(customer.request('/account'))).not.toBeNull();
  });
});

describe('finding 18: ownership', () => {
  it('removing another customer’s passkey fails and leaves it in place', async () => {
    const { credentialId } = await customerWithPasskey('100000012');
    const browser = await signedInBrowser(customerId);
    await markStepUp((await getCustomerSession(browser.request('/account')))!); // a fresh passkey check does not make it theirs
    const attempt = await passkeysAction(
      args(browser.form('/account/passkeys', { intent: 'remove', passkeyId: credentialId }), browser),
    ).catch((error) => error);
    expect((attempt as Response).status).toBe(404);
    expect(await testDatabase().get((db) => db.select().from(passkeys).where(eq(passkeys.id, credentialId)))).toBeDefined();
  });

  it('every account page and action refuses a request without a session, sending it to sign in', async () => {
    const browser = new CookieJar();
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['/account', () => layoutLoader(args(browser.request('/account'), browser))],
      ['/account', () => exposureLoader(args(browser.request('/account'), browser))],
      ['/account/pin', () => pinLoader(args(browser.request('/account/pin'), browser))],
      [
        '/account/pin',
        () => pinAction(args(browser.form('/account/pin', { intent: 'change-pin', pin: '583920', confirmation: '583920' }), browser)),
      ],
      ['/account/pin', () => pinAction(args(browser.form('/account/pin', { intent: 'ask-holder' }), browser))],
      ['/account/statement', () => statementLoader(args(browser.request('/account/statement'), browser))],
      ['/account/people', () => peopleLoader(args(browser.request('/account/people'), browser))],
      ['/account/people', () => peopleAction(args(browser.form('/account/people', { intent: 'remove-access', personId: '1' }), browser))],
      ['/account/passkeys', () => passkeysLoader(args(browser.request('/account/passkeys'), browser))],
      [
        '/account/passkeys',
        () => passkeysAction(args(browser.form('/account/passkeys', { intent: 'rename', passkeyId: 'x', name: 'y' }), browser)),
      ],
      ['/account/sessions', () => sessionsLoader(args(browser.request('/account/sessions'), browser))],
      ['/account/sessions', () => sessionsAction(args(browser.form('/account/sessions', { intent: 'revoke', sessionId: '1' }), browser))],
      ['/account/confirm', () => confirmLoader(args(browser.request('/account/confirm'), browser))],
    ];
    for (const [path, call] of calls) {
      const thrown = await call().then(
        () => null,
        (error: unknown) => error,
      );
      expect(thrown, path).toBeInstanceOf(Response);
      expect((thrown as Response).status, path).toBe(302);
      expect((thrown as Response).headers.get('Location'), path).toBe(`/sign-in?redirectTo=${encodeURIComponent(path)}`);
    }
  });
});

describe('finding 19: codes are stored only in a keyed form', () => {
  it('an unkeyed SHA-256 of a code is not what is stored, and a row holding one is not accepted', async () => {
    const accountId = await accountIdOf('100000013');
    const code = await issueOneTimeCode({ accountId, phone: '+17205550117', purpose: 'agent-reset' });
    const row = (
      await testDatabase().all((db) => db.select().from(oneTimeCodes).where(eq(oneTimeCodes.accountId, accountId)).orderBy(oneTimeCodes.id))
    ).at(-1)!;
    for (const unkeyed of [code, `${accountId}:${code}`]) expect(row.codeHash).not.toBe(createHash('sha256').update(unkeyed).digest('hex'));
    expect(row.codeHash).toBe(hashCode(accountId, code));
    // Someone who could write the table but not read the key stores the hash they can compute: it never matches.
    await testDatabase().run((db) =>
      db
        .update(oneTimeCodes)
        .set({ codeHash: createHash('sha256').update(`${accountId}:${code}`).digest('hex') })
        .where(eq(oneTimeCodes.id, row.id)),
    );
    expect(await redeemOneTimeCode({ accountId, code, purposes: ['agent-reset'], browserHash: null })).toEqual({
      ok: false,
      reason: 'wrong code',
    });
  });
});
