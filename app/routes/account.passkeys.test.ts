// Managing passkeys through the page's action: rename rules, removal needs a step-up, never the last passkey.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { listPasskeys } from '~/models/passkey.server';
import { getCustomerSession } from '~/services/session.server';
import { auditEvents, sessions } from '../../db/tables';
import { customerWithPasskey, signedInBrowser } from '../../tests/helpers/customers';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { args } from '../../tests/helpers/requests';
import { SoftAuthenticator } from '../../tests/helpers/soft-authenticator';
import { action, loader } from './account.passkeys';

beforeAll(() => withDemoAccounts());

type Answer = {
  data: { notice?: string; errors?: { fields: Record<string, string>; form?: string }; values?: Record<string, string> };
  init: ResponseInit | null;
};

describe('/account/passkeys', () => {
  it('renames with 1 to 50 characters, keeping what was typed on error', async () => {
    const { customer, credentialId } = await customerWithPasskey(
      '100000010',
      new SoftAuthenticator({ aaguid: 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd' }),
    );
    const browser = await signedInBrowser(customer.id);
    const page = await loader(args(browser.request('/account/passkeys'), browser));
    expect(page.passkeys[0]).toMatchObject({ name: 'iCloud Keychain', lastUsedAt: null, synced: false });

    const tooLong = (await action(
      args(browser.form('/account/passkeys', { intent: 'rename', passkeyId: credentialId, name: 'x'.repeat(51) }), browser),
    )) as Answer;
    expect(tooLong.init?.status).toBe(400);
    expect(tooLong.data.errors).toEqual({ fields: { name: 'Use 50 characters or fewer' } });
    expect(tooLong.data.values).toMatchObject({ name: 'x'.repeat(51) });
    const blank = (await action(
      args(browser.form('/account/passkeys', { intent: 'rename', passkeyId: credentialId, name: '  ' }), browser),
    )) as Answer;
    expect(blank.data.errors).toEqual({ fields: { name: 'Give the passkey a name' } });
    const ok = (await action(
      args(browser.form('/account/passkeys', { intent: 'rename', passkeyId: credentialId, name: ' My phone ' }), browser),
    )) as Answer;
    expect(ok.data.notice).toBe('Renamed to “My phone”.');
    expect((await listPasskeys({ kind: 'customer', id: customer.id }))[0]!.name).toBe('My phone');
  });

  it('another customer’s passkey cannot be renamed or removed', async () => {
    const { credentialId } = await customerWithPasskey('100000011');
    const { customer } = await customerWithPasskey('100000012');
    const browser = await signedInBrowser(customer.id);
    const rename = await action(
      args(browser.form('/account/passkeys', { intent: 'rename', passkeyId: credentialId, name: 'Mine now' }), browser),
    ).catch((e) => e);
    expect(rename).toBeInstanceOf(Response);
    expect(rename.status).toBe(404);
  });

  it('removal needs a recent step-up, and the last passkey stays', async () => {
    const first = await customerWithPasskey('100000013');
    const browser = await signedInBrowser(first.customer.id); // no step-up
    const thrown = await action(
      args(browser.form('/account/passkeys', { intent: 'remove', passkeyId: first.credentialId }), browser),
    ).catch((e) => e);
    expect(thrown.status).toBe(302);
    expect(thrown.headers.get('Location')).toBe('/account/confirm?redirectTo=%2Faccount%2Fpasskeys');

    const session = (await getCustomerSession(browser.request('/')))!;
    await testDatabase().run((db) => db.update(sessions).set({ stepUpAt: new Date() }).where(eq(sessions.id, session.sessionId)));
    const last = (await action(
      args(browser.form('/account/passkeys', { intent: 'remove', passkeyId: first.credentialId }), browser),
    )) as Answer;
    expect(last.init?.status).toBe(400);
    expect(last.data.errors?.form).toMatch(/only passkey/);

    const second = await customerWithPasskey('100000013'); // same customer, another device
    const removed = (await action(
      args(browser.form('/account/passkeys', { intent: 'remove', passkeyId: first.credentialId }), browser),
    )) as Answer;
    expect(removed.data.notice).toMatch(/Passkey removed/);
    expect((await listPasskeys(second.owner)).map((p) => p.id)).toEqual([second.credentialId]);
    const actions = await testDatabase().all((db) =>
      db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.accountId, first.customer.accountId)),
    );
    expect(actions.map((a) => a.action)).toContain('passkey.removed');
  });
});
