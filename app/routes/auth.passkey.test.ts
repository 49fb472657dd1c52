// The sign-in ceremony through the JSON endpoints, with a software authenticator: what it accepts and refuses.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCustomerSession } from '~/services/session.server';
import { auditEvents, passkeys, webauthnChallenges } from '../../db/tables';
import { customerWithPasskey } from '../../tests/helpers/customers';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { args, CookieJar } from '../../tests/helpers/requests';
import { SoftAuthenticator } from '../../tests/helpers/soft-authenticator';
import { action as optionsAction } from './auth.passkey.options';
import { action as verifyAction } from './auth.passkey.verify';

beforeAll(() => withDemoAccounts());

async function signInOptions(browser: CookieJar) {
  const response = browser.take(await optionsAction(args(browser.json('/auth/passkey/options', { mode: 'sign-in' }), browser)));
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body.status).toBe('success');
  return body.options;
}

async function verify(browser: CookieJar, response: unknown, redirectTo?: string) {
  const answer = browser.take(
    await verifyAction(args(browser.json('/auth/passkey/verify', { mode: 'sign-in', response, redirectTo }), browser)),
  );
  return { status: answer.status, body: await answer.json(), answer };
}

async function lastFailureReason(): Promise<unknown> {
  const events = await testDatabase().all((db) =>
    db.select().from(auditEvents).where(eq(auditEvents.action, 'sign_in.failed')).orderBy(auditEvents.id),
  );
  return events.at(-1)?.details?.reason;
}

const storedPasskey = async (id: string) => (await testDatabase().get((db) => db.select().from(passkeys).where(eq(passkeys.id, id))))!;

describe('passkey sign-in', () => {
  it('signs in with a discoverable passkey: new session cookie, redirect honoured, counter and last use recorded', async () => {
    const { authenticator, customer, credentialId } = await customerWithPasskey('100000001');
    const browser = new CookieJar();
    const options = await signInOptions(browser);
    expect(options.allowCredentials).toEqual([]);
    expect(options.userVerification).toBe('required');

    const { status, body, answer } = await verify(browser, authenticator.assert(options, { counter: 7 }), '/account/sessions');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'success', redirectTo: '/account/sessions' });
    const cookie = answer.headers.getSetCookie().find((line) => line.startsWith('bc_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    const session = await getCustomerSession(browser.request('/account'));
    expect(session?.customerId).toBe(customer.id);
    const stored = await storedPasskey(credentialId);
    expect(stored.counter).toBe(7);
    expect(stored.lastUsedAt).toBeInstanceOf(Date);
  });

  it('ignores an off-site redirectTo', async () => {
    const { authenticator } = await customerWithPasskey('100000002');
    const browser = new CookieJar();
    const options = await signInOptions(browser);
    const { body } = await verify(browser, authenticator.assert(options), '//evil.example/steal');
    expect(body.redirectTo).toBe('/account');
  });

  it('accepts authenticators whose counter is always 0', async () => {
    const { authenticator } = await customerWithPasskey('100000003');
    for (let i = 0; i < 2; i++) {
      const browser = new CookieJar();
      const { status } = await verify(browser, authenticator.assert(await signInOptions(browser)));
      expect(status).toBe(200);
    }
  });

  it('refuses a response to a challenge issued to another browser', async () => {
    const { authenticator } = await customerWithPasskey('100000004');
    const victim = new CookieJar();
    const attacker = new CookieJar();
    await signInOptions(attacker); // the attacker has a binding cookie of their own
    const options = await signInOptions(victim);
    const { status, body } = await verify(attacker, authenticator.assert(options));
    expect(status).toBe(400);
    expect(body.status).toBe('error');
    expect(await lastFailureReason()).toBe('challenge from another browser');
    expect(await getCustomerSession(attacker.request('/account'))).toBeNull();
  });

  it('refuses a replayed response', async () => {
    const { authenticator } = await customerWithPasskey('100000005');
    const browser = new CookieJar();
    const response = authenticator.assert(await signInOptions(browser));
    expect((await verify(browser, response)).status).toBe(200);
    const replay = await verify(browser, response);
    expect(replay.status).toBe(400);
    expect(await lastFailureReason()).toBe('challenge already used');
  });

  it('refuses an expired challenge', async () => {
    const { authenticator } = await customerWithPasskey('100000006');
    const browser = new CookieJar();
    const options = await signInOptions(browser);
    await testDatabase().run((db) =>
      db
        .update(webauthnChallenges)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(webauthnChallenges.challenge, options.challenge)),
    );
    const { status, body } = await verify(browser, authenticator.assert(options));
    expect(status).toBe(400);
    expect(body.message).toMatch(/expired or was already used/);
    expect(await lastFailureReason()).toBe('challenge expired');
  });

  it('refuses an unknown credential', async () => {
    const stranger = new SoftAuthenticator();
    stranger.register({
      challenge: 'x',
      rp: { name: 'x', id: 'localhost' },
      user: { id: 'AAAA', name: 'x', displayName: 'x' },
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    });
    const browser = new CookieJar();
    const { status, body } = await verify(browser, stranger.assert(await signInOptions(browser)));
    expect(status).toBe(400);
    expect(body.message).toMatch(/do not recognise that passkey/);
    expect(await lastFailureReason()).toBe('unknown credential');
  });

  it('refuses a response without user verification with a 400, not a 500', async () => {
    const { authenticator } = await customerWithPasskey('100000007');
    const browser = new CookieJar();
    const { status, body } = await verify(browser, authenticator.assert(await signInOptions(browser), { uv: false }));
    expect(status).toBe(400);
    expect(body.message).toMatch(/did not confirm it was you/);
    expect(await lastFailureReason()).toBe('user not verified');
  });

  it('refuses a counter that went backwards', async () => {
    const { authenticator, credentialId } = await customerWithPasskey('100000008');
    const first = new CookieJar();
    expect((await verify(first, authenticator.assert(await signInOptions(first), { counter: 5 }))).status).toBe(200);
    const second = new CookieJar();
    const { status } = await verify(second, authenticator.assert(await signInOptions(second), { counter: 3 }));
    expect(status).toBe(400);
    expect(await lastFailureReason()).toBe('counter went backwards');
    expect((await storedPasskey(credentialId)).counter).toBe(5);
  });

  it('refuses a user handle that is not the credential owner’s, and a missing one', async () => {
    const { authenticator } = await customerWithPasskey('100000009');
    const browser = new CookieJar();
    const wrong = await verify(browser, authenticator.assert(await signInOptions(browser), { userHandle: 'c29tZW9uZS1lbHNl' }));
    expect(wrong.status).toBe(400);
    expect(await lastFailureReason()).toBe('user handle mismatch');
    const missing = await verify(browser, authenticator.assert(await signInOptions(browser), { userHandle: null }));
    expect(missing.status).toBe(400);
  });

  it('answers malformed bodies with 400 JSON', async () => {
    const browser = new CookieJar();
    for (const body of [{ mode: 'sign-in', response: { id: 'x' } }, { mode: 'nope' }, 'not json']) {
      const request =
        typeof body === 'string'
          ? browser.request('/auth/passkey/verify', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
          : browser.json('/auth/passkey/verify', body);
      const response = await verifyAction(args(request, browser));
      expect(response.status).toBe(400);
      expect((await response.json()).status).toBe('error');
    }
  });

  it('rotates the session at sign-in: the browser’s previous session is revoked', async () => {
    const { authenticator } = await customerWithPasskey('100000011');
    const browser = new CookieJar();
    await verify(browser, authenticator.assert(await signInOptions(browser)));
    const before = await getCustomerSession(browser.request('/account'));
    const oldCookie = browser.cookies.get('bc_session');
    await verify(browser, authenticator.assert(await signInOptions(browser)));
    const after = await getCustomerSession(browser.request('/account'));
    expect(browser.cookies.get('bc_session')).not.toBe(oldCookie);
    expect(after!.sessionId).not.toBe(before!.sessionId);
    const stale = new CookieJar();
    stale.cookies.set('bc_session', oldCookie!);
    expect(await getCustomerSession(stale.request('/account'))).toBeNull();
  });

  it('keeps sign-in failure details free of secrets', async () => {
    const rows = await testDatabase().all((db) =>
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'sign_in.failed'))),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Object.keys(row.details ?? {})).toEqual(['reason']);
  });
});
