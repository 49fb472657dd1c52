// Sessions: cookie, timeouts, rotation, step-up, listing and revoking; and the /account guard.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loader as rootLoader } from '~/root';
import { loader as accountLoader } from '~/routes/account';
import { loader as confirmLoader } from '~/routes/account.confirm';
import { loader as passkeysLoader, action as passkeysAction } from '~/routes/account.passkeys';
import { loader as sessionsLoader, action as sessionsAction } from '~/routes/account.sessions';
import { action as registrationOptionsAction } from '~/routes/auth.passkey.registration-options';
import { sessions } from '../../db/tables';
import { customerWithPasskey, signedInBrowser } from '../../tests/helpers/customers';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { args, CookieJar } from '../../tests/helpers/requests';
import {
  getCustomerSession,
  hasRecentStepUp,
  listCustomerSessions,
  requireCustomer,
  revokeCustomerSession,
  revokeOtherCustomerSessions,
  startCustomerSession,
} from './session.server';

let customerId: number;
let otherCustomerId: number;

beforeAll(async () => {
  await withDemoAccounts();
  customerId = (await customerWithPasskey('100000001')).customer.id;
  otherCustomerId = (await customerWithPasskey('100000002')).customer.id;
});

async function row(sessionId: number) {
  return (await testDatabase().get((db) => db.select().from(sessions).where(eq(sessions.id, sessionId))))!;
}

const setSession = (sessionId: number, values: Partial<typeof sessions.$inferInsert>) =>
  testDatabase().run((db) => db.update(sessions).set(values).where(eq(sessions.id, sessionId)));

describe('customer sessions', () => {
  it('stores only the SHA-256 of the cookie token, in an HttpOnly SameSite=Lax cookie', async () => {
    const browser = new CookieJar();
    const cookie = await startCustomerSession(browser.request('/'), customerId);
    expect(cookie).toMatch(/^bc_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    const token = /bc_session=([^;]+)/.exec(cookie)![1]!;
    expect(await testDatabase().get((db) => db.select().from(sessions).where(eq(sessions.tokenHash, token)))).toBeUndefined();
  });

  it('expires after 30 idle minutes and after 12 hours whatever happens', async () => {
    const idle = await signedInBrowser(customerId);
    const idleSession = (await getCustomerSession(idle.request('/account')))!;
    await setSession(idleSession.sessionId, { lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    expect(await getCustomerSession(idle.request('/account'))).toBeNull();

    const old = await signedInBrowser(customerId);
    const oldSession = (await getCustomerSession(old.request('/account')))!;
    await setSession(oldSession.sessionId, { expiresAt: new Date(Date.now() - 1) });
    expect(await getCustomerSession(old.request('/account'))).toBeNull();
  });

  it('updates last seen at most once a minute', async () => {
    const browser = await signedInBrowser(customerId);
    const { sessionId } = (await getCustomerSession(browser.request('/')))!;
    const twentySecondsAgo = new Date(Date.now() - 20_000);
    await setSession(sessionId, { lastSeenAt: twentySecondsAgo });
    await getCustomerSession(browser.request('/'));
    expect((await row(sessionId)).lastSeenAt.getTime()).toBe(twentySecondsAgo.getTime());
    await setSession(sessionId, { lastSeenAt: new Date(Date.now() - 90_000) });
    await getCustomerSession(browser.request('/'));
    expect(Date.now() - (await row(sessionId)).lastSeenAt.getTime()).toBeLessThan(5_000);
  });

  it('step-up counts for 5 minutes', () => {
    const now = new Date();
    expect(hasRecentStepUp({ stepUpAt: null }, now)).toBe(false);
    expect(hasRecentStepUp({ stepUpAt: new Date(now.getTime() - 4 * 60_000) }, now)).toBe(true);
    expect(hasRecentStepUp({ stepUpAt: new Date(now.getTime() - 5 * 60_000) }, now)).toBe(false);
  });

  it('lists this customer’s live sessions, signs out one or all others, never another customer’s', async () => {
    const here = await signedInBrowser(customerId);
    const phone = await signedInBrowser(
      customerId,
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    );
    const stranger = await signedInBrowser(otherCustomerId);
    const session = (await getCustomerSession(here.request('/')))!;
    const phoneSession = (await getCustomerSession(phone.request('/')))!;
    const strangerSession = (await getCustomerSession(stranger.request('/')))!;

    const listed = await listCustomerSessions(session);
    expect(listed.find((item) => item.current)?.id).toBe(session.sessionId);
    expect(listed.map((item) => item.id)).toContain(phoneSession.sessionId);
    expect(listed.map((item) => item.id)).not.toContain(strangerSession.sessionId);

    expect(await revokeCustomerSession(session, strangerSession.sessionId)).toBe(false);
    expect(await getCustomerSession(stranger.request('/'))).not.toBeNull();
    expect(await revokeCustomerSession(session, phoneSession.sessionId)).toBe(true);
    expect(await getCustomerSession(phone.request('/'))).toBeNull();

    await signedInBrowser(customerId);
    expect(await revokeOtherCustomerSessions(session)).toBeGreaterThan(0);
    expect((await listCustomerSessions(session)).map((item) => item.id)).toEqual([session.sessionId]);
    expect(await getCustomerSession(here.request('/'))).not.toBeNull();
  });

  it('the sessions page action signs out another session and shows browser and OS', async () => {
    const here = await signedInBrowser(customerId);
    const other = await signedInBrowser(
      customerId,
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
    );
    const otherSession = (await getCustomerSession(other.request('/')))!;
    const page = await sessionsLoader(args(here.request('/account/sessions'), here));
    expect(page.sessions.find((item) => item.id === otherSession.sessionId)).toMatchObject({
      browser: 'Chrome',
      os: 'Android',
      current: false,
    });
    const answer = await sessionsAction(
      args(here.form('/account/sessions', { intent: 'revoke', sessionId: String(otherSession.sessionId) }), here),
    );
    expect(answer).toMatchObject({ data: { notice: 'That session is signed out.' } });
    expect(await getCustomerSession(other.request('/'))).toBeNull();
  });
});

describe('/account without a session', () => {
  it('redirects every account page to /sign-in with the page to come back to', async () => {
    const browser = new CookieJar();
    const cases: Array<[string, () => Promise<unknown>]> = [
      ['/account', () => accountLoader(args(browser.request('/account'), browser))],
      ['/account/passkeys?added=1', () => passkeysLoader(args(browser.request('/account/passkeys?added=1'), browser))],
      ['/account/sessions', () => sessionsLoader(args(browser.request('/account/sessions'), browser))],
      [
        '/account/confirm?redirectTo=/account/pin',
        () => confirmLoader(args(browser.request('/account/confirm?redirectTo=/account/pin'), browser)),
      ],
      ['/account/passkeys', () => passkeysAction(args(browser.form('/account/passkeys', { intent: 'remove', passkeyId: 'x' }), browser))],
      ['/account/sessions', () => sessionsAction(args(browser.form('/account/sessions', { intent: 'revoke-others' }), browser))],
    ];
    for (const [path, call] of cases) {
      const thrown = await call().then(
        () => null,
        (error: unknown) => error,
      );
      expect(thrown, path).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(302);
      expect((thrown as Response).headers.get('Location')).toBe(`/sign-in?redirectTo=${encodeURIComponent(path)}`);
    }
    await expect(requireCustomer(browser.request('/account'))).rejects.toBeInstanceOf(Response);
  });

  it('the JSON endpoints refuse to add a passkey without a session, and the root says only signedIn: false and the language', async () => {
    const browser = new CookieJar();
    const response = await registrationOptionsAction(args(browser.json('/auth/passkey/registration-options', { context: 'add' }), browser));
    expect(response.status).toBe(401);
    expect(await rootLoader(args(browser.request('/'), browser))).toEqual({ signedIn: false, locale: 'en' });
  });

  it('adding a passkey needs a recent step-up: otherwise the answer points to /account/confirm', async () => {
    const browser = await signedInBrowser(customerId); // signed in without a fresh passkey verification
    const response = await registrationOptionsAction(args(browser.json('/auth/passkey/registration-options', { context: 'add' }), browser));
    expect(response.status).toBe(403);
    expect((await response.json()).redirectTo).toBe('/account/confirm?redirectTo=%2Faccount%2Fpasskeys');
  });
});
