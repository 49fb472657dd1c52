// Finding 8: sessions outlived what they came from: removing a passkey or changing the PIN left other sessions alive
// for up to 12 hours.
import { desc, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCustomerSession, markStepUp } from '~/services/session.server';
import { sessions } from '../../db/tables';
import { customerWithPasskey } from '../../tests/helpers/customers';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { args, CookieJar } from '../../tests/helpers/requests';
import { SoftAuthenticator } from '../../tests/helpers/soft-authenticator';
import { action as passkeysAction } from './account.passkeys';
import { action as pinAction } from './account.pin';
import { action as optionsAction } from './auth.passkey.options';
import { action as verifyAction } from './auth.passkey.verify';

beforeAll(() => withDemoAccounts());

/** Signs in through the real endpoints with one passkey of the authenticator; returns the signed-in browser. */
async function signIn(authenticator: SoftAuthenticator, credentialId: string): Promise<CookieJar> {
  const browser = new CookieJar();
  const options = (
    await browser.take(await optionsAction(args(browser.json('/auth/passkey/options', { mode: 'sign-in' }), browser))).json()
  ).options;
  const answer = browser.take(
    await verifyAction(
      args(browser.json('/auth/passkey/verify', { mode: 'sign-in', response: authenticator.assert(options, { credentialId }) }), browser),
    ),
  );
  expect(answer.status).toBe(200);
  return browser;
}

const signedIn = async (browser: CookieJar) => (await getCustomerSession(browser.request('/account'))) !== null;

describe('finding 8: sessions end with what they came from', () => {
  it('a session records the passkey it came from, and removing that passkey ends it', async () => {
    const authenticator = new SoftAuthenticator();
    const { credentialId: first } = await customerWithPasskey('100000010', authenticator);
    const { credentialId: second } = await customerWithPasskey('100000010', authenticator);
    const laptop = await signIn(authenticator, first);
    const phone = await signIn(authenticator, second);
    const recorded = await testDatabase().all((db) =>
      db.select({ passkeyId: sessions.passkeyId }).from(sessions).where(isNull(sessions.revokedAt)).orderBy(desc(sessions.id)).limit(2),
    );
    expect(recorded.map((row) => row.passkeyId).sort()).toEqual([first, second].sort());

    await markStepUp((await getCustomerSession(phone.request('/account')))!);
    const removed = (await passkeysAction(args(phone.form('/account/passkeys', { intent: 'remove', passkeyId: first }), phone))) as {
      data: { notice: string };
    };
    expect(removed.data.notice).toContain('Passkey removed');
    expect(await signedIn(laptop)).toBe(false);
    expect(await signedIn(phone)).toBe(true);
  });

  it('the browser that removes the passkey it signed in with stays signed in (it has just confirmed with a passkey)', async () => {
    const authenticator = new SoftAuthenticator();
    const { credentialId: first } = await customerWithPasskey('100000011', authenticator);
    await customerWithPasskey('100000011', authenticator);
    const laptop = await signIn(authenticator, first);
    const tablet = await signIn(authenticator, first);
    await markStepUp((await getCustomerSession(laptop.request('/account')))!);
    const removed = (await passkeysAction(args(laptop.form('/account/passkeys', { intent: 'remove', passkeyId: first }), laptop))) as {
      data: { notice: string };
    };
    expect(removed.data.notice).toContain('Passkey removed');
    expect(await signedIn(laptop)).toBe(true);
    expect(await signedIn(tablet)).toBe(false);
  });

  it('a PIN change signs out the other sessions, unless the person unticks it', async () => {
    const authenticator = new SoftAuthenticator();
    const { credentialId } = await customerWithPasskey('100000011', authenticator);
    const [here, other] = [await signIn(authenticator, credentialId), await signIn(authenticator, credentialId)];
    const change = (browser: CookieJar, fields: Record<string, string>) =>
      pinAction(args(browser.form('/account/pin', { intent: 'change-pin', ...fields }), browser));
    expect(((await change(here, { pin: '583920', confirmation: '583920', signOutOthers: 'on' })) as Response).status).toBe(303);
    expect(await signedIn(other)).toBe(false);
    expect(await signedIn(here)).toBe(true);

    const again = await signIn(authenticator, credentialId);
    expect(((await change(here, { currentPin: '583920', pin: '640271', confirmation: '640271' })) as Response).status).toBe(303);
    expect(await signedIn(again)).toBe(true); // unticked: the box sends nothing
  });
});
