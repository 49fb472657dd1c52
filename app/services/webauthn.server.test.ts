// The challenge and credential rules of verifyPasskeyAssertion, called directly on either engine: one statement claims
// a challenge, so what it must refuse (another browser, another purpose, a second use, also from a second process)
// and what a refusal must leave unspent are checked here; the HTTP ceremony is in app/routes/auth.passkey.test.ts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountLines, customers, webauthnChallenges } from '../../db/tables';
import { customerWithPasskey, signedInBrowser } from '../../tests/helpers/customers';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { racingProcess } from '../../tests/helpers/race-process';
import { CookieJar } from '../../tests/helpers/requests';
import { restorePersonAccess } from '../models/person.server';
import { getCustomerSession } from './session.server';
import { createAuthenticationOptions, verifyPasskeyAssertion } from './webauthn.server';

beforeAll(() => withDemoAccounts());

type Expected = Parameters<typeof verifyPasskeyAssertion>[2];
const signIn: Expected = { purpose: 'authenticate', kind: 'customer' };

/** Authentication options for the browser (it keeps the binding cookie they set). */
async function optionsFor(browser: CookieJar, input: Parameters<typeof createAuthenticationOptions>[1] = { purpose: 'authenticate' }) {
  const { options, headers } = await createAuthenticationOptions(browser.request('/auth/passkey/options'), input);
  browser.take(new Response(null, { headers }));
  return options;
}

const verifyFrom = (browser: CookieJar, response: Parameters<typeof verifyPasskeyAssertion>[1], expected: Expected = signIn) =>
  verifyPasskeyAssertion(browser.request('/auth/passkey/verify', { method: 'POST' }), response, expected);

async function challengeRow(challenge: string) {
  return (await testDatabase().get((db) => db.select().from(webauthnChallenges).where(eq(webauthnChallenges.challenge, challenge))))!;
}

describe('verifyPasskeyAssertion', () => {
  it('accepts an assertion once, returning the credential with its new counter', async () => {
    const { authenticator, owner, credentialId } = await customerWithPasskey('100000001');
    const browser = new CookieJar();
    const response = authenticator.assert(await optionsFor(browser), { counter: 4 });
    const first = await verifyFrom(browser, response);
    expect(first).toMatchObject({ ok: true, owner, passkey: { id: credentialId, counter: 4 } });
    expect(await verifyFrom(browser, response)).toEqual({ ok: false, reason: 'challenge already used' });
  });

  it('leaves a challenge unspent when another browser, or no browser cookie, presents it', async () => {
    const { authenticator } = await customerWithPasskey('100000002');
    const victim = new CookieJar();
    const attacker = new CookieJar();
    await optionsFor(attacker);
    const options = await optionsFor(victim);
    const response = authenticator.assert(options);
    expect(await verifyFrom(attacker, response)).toEqual({ ok: false, reason: 'challenge from another browser' });
    expect(await verifyFrom(new CookieJar(), response)).toEqual({ ok: false, reason: 'challenge from another browser' });
    expect((await challengeRow(options.challenge)).usedAt).toBeNull();
    expect((await verifyFrom(victim, response)).ok).toBe(true);
  });

  it('refuses a challenge of another purpose without spending it', async () => {
    const { authenticator, owner } = await customerWithPasskey('100000003');
    const browser = new CookieJar();
    const stepUp = await optionsFor(browser, { purpose: 'step-up', owner });
    const response = authenticator.assert(stepUp);
    expect(await verifyFrom(browser, response)).toEqual({ ok: false, reason: 'unknown challenge' });
    expect((await challengeRow(stepUp.challenge)).usedAt).toBeNull();
    expect((await verifyFrom(browser, response, { purpose: 'step-up', kind: 'customer', owner })).ok).toBe(true);
  });

  it('spends an expired challenge and names it expired; an unknown one is unknown', async () => {
    const { authenticator } = await customerWithPasskey('100000004');
    const browser = new CookieJar();
    const options = await optionsFor(browser);
    await testDatabase().run((db) =>
      db
        .update(webauthnChallenges)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(webauthnChallenges.challenge, options.challenge)),
    );
    const response = authenticator.assert(options);
    expect(await verifyFrom(browser, response)).toEqual({ ok: false, reason: 'challenge expired' });
    expect((await challengeRow(options.challenge)).usedAt).toBeInstanceOf(Date);
    expect(await verifyFrom(browser, response)).toEqual({ ok: false, reason: 'challenge already used' });
    const made = authenticator.assert({ ...options, challenge: 'bm90LWlzc3VlZA' });
    expect(await verifyFrom(browser, made)).toEqual({ ok: false, reason: 'unknown challenge' });
  });

  it('refuses a step-up by another owner’s passkey, and a credential of the other kind', async () => {
    const { owner } = await customerWithPasskey('100000005');
    const other = await customerWithPasskey('100000006');
    const browser = new CookieJar();
    const stepUp = await optionsFor(browser, { purpose: 'step-up', owner });
    expect(await verifyFrom(browser, other.authenticator.assert(stepUp), { purpose: 'step-up', kind: 'customer', owner })).toEqual({
      ok: false,
      reason: 'wrong owner',
      owner: other.owner,
    });
    expect(
      await verifyFrom(browser, other.authenticator.assert(await optionsFor(browser)), { purpose: 'authenticate', kind: 'staff' }),
    ).toEqual({
      ok: false,
      reason: 'unknown credential',
    });
  });

  it('refuses the user handle of a customer whose line has left the account', async () => {
    const { authenticator, customer, owner } = await customerWithPasskey('100000007');
    const browser = new CookieJar();
    const response = authenticator.assert(await optionsFor(browser));
    const theLine = and(eq(accountLines.accountId, customer.accountId), eq(accountLines.phone, customer.phone));
    const line = (await testDatabase().get((db) => db.select().from(accountLines).where(theLine)))!;
    await testDatabase().run((db) => db.delete(accountLines).where(theLine));
    try {
      // The person row and its handle are still there; only the line that made them a person on the account is gone.
      expect((await testDatabase().get((db) => db.select().from(customers).where(eq(customers.id, customer.id))))?.webauthnUserId).toBe(
        customer.webauthnUserId,
      );
      expect(await verifyFrom(browser, response)).toEqual({ ok: false, reason: 'user handle mismatch', owner });
    } finally {
      await testDatabase().run((db) => db.insert(accountLines).values(line));
    }
  });

  it('accepts one of two sign-ins racing with copies of one credential (the same counter): the counter only moves forward', async () => {
    const { authenticator } = await customerWithPasskey('100000010');
    const browser = new CookieJar();
    // Two fresh challenges, each signed with counter 5 (what a cloned authenticator without sync would send).
    const first = authenticator.assert(await optionsFor(browser), { counter: 5 });
    const second = authenticator.assert(await optionsFor(browser), { counter: 5 });
    const results = await Promise.all([verifyFrom(browser, first), verifyFrom(browser, second)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, reason: 'counter went backwards' });
  });

  it('signs out a person whose access the holder removed, even a session started after the removal', async () => {
    const { customer } = await customerWithPasskey('100000011');
    const browser = await signedInBrowser(customer.id);
    expect(await getCustomerSession(browser.request('/account'))).toMatchObject({ customerId: customer.id });
    // As if a sign-in that read the passkey just before endPersonAccess committed went on to start this session.
    await testDatabase().run((db) => db.update(customers).set({ accessRemovedAt: new Date() }).where(eq(customers.id, customer.id)));
    expect(await getCustomerSession(browser.request('/account'))).toBeNull();
    // The holder gives access back: that session must not come back with it (a new sign-in is needed).
    await restorePersonAccess(customer.id);
    expect(await getCustomerSession(browser.request('/account'))).toBeNull();
  });

  it('accepts each challenge once when two processes present the same assertions at the same instant', { timeout: 60_000 }, async () => {
    const { authenticator } = await customerWithPasskey('100000008');
    const browser = new CookieJar();
    const items = [];
    // Enough that the two processes' passes overlap; the counter stays 0, so every assertion is good on its own.
    for (let index = 0; index < 300; index += 1) {
      const response = authenticator.assert(await optionsFor(browser));
      items.push({ cookie: browser.request('/').headers.get('cookie'), assertion: response });
    }
    const file = path.join(process.env.DATA_DIR!, 'assertions-two-processes.json');
    writeFileSync(file, JSON.stringify(items));
    const startAt = Date.now() + 3_000; // both processes have loaded by then
    const verifying = () => racingProcess('tests/helpers/verify-assertions.ts', [String(startAt), file]);
    const accepted = await Promise.all([verifying(), verifying()]);
    expect(accepted[0]! + accepted[1]!, `accepted by each process: ${accepted.join(' and ')}`).toBe(items.length);
  });
});
