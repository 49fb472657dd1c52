// Staff enrollment through an invite, with a software authenticator: one link, one passkey, one member.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getStaffSession } from '~/services/session.server';
import { inviteStaff } from '~/services/staff-invites.server';
import { auditEvents, passkeys } from '../../db/tables';
import { testDatabase } from '../../tests/helpers/db';
import { args, CookieJar } from '../../tests/helpers/requests';
import { SoftAuthenticator } from '../../tests/helpers/soft-authenticator';
import { action } from './staff.enroll.$token.passkey';

async function newInviteToken(name: string): Promise<string> {
  const { link } = await inviteStaff({ name, role: 'agent', invitedBy: { type: 'operator', id: 'test' }, invitedByStaffId: null });
  return link.split('/').at(-1)!;
}

async function call(browser: CookieJar, token: string, body: unknown) {
  const request = browser.json(`/staff/enroll/${token}/passkey`, body);
  const response = browser.take(await action({ ...args(request, browser), params: { token } }));
  return { status: response.status, body: await response.json() };
}

describe('staff enrollment', () => {
  it('creates the passkey, signs the member in as staff and audits it; the link then stops working', async () => {
    const token = await newInviteToken('Ana Park');
    const browser = new CookieJar();
    const { body: start } = await call(browser, token, { step: 'options' });
    const done = await call(browser, token, { step: 'verify', response: new SoftAuthenticator().register(start.options) });
    expect(done).toEqual({ status: 200, body: { status: 'success', redirectTo: '/agent' } });
    const session = await getStaffSession(browser.request('/agent'));
    expect(session).toMatchObject({ name: 'Ana Park', role: 'agent' });
    expect(await testDatabase().all((db) => db.select().from(auditEvents).where(eq(auditEvents.action, 'staff.enrolled')))).toHaveLength(1);
    expect((await call(new CookieJar(), token, { step: 'options' })).status).toBe(410);
  });

  it('of two browsers racing on one link, only one ends up with a passkey', async () => {
    const token = await newInviteToken('Race Twice');
    const [first, second] = [new CookieJar(), new CookieJar()];
    const optionsA = (await call(first, token, { step: 'options' })).body.options;
    const optionsB = (await call(second, token, { step: 'options' })).body.options;
    const [a, b] = await Promise.all([
      call(first, token, { step: 'verify', response: new SoftAuthenticator().register(optionsA) }),
      call(second, token, { step: 'verify', response: new SoftAuthenticator().register(optionsB) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 410]);
    const session = await getStaffSession((a.status === 200 ? first : second).request('/agent'));
    const theirs = await testDatabase().all((db) => db.select().from(passkeys).where(eq(passkeys.staffId, session!.staffId)));
    expect(theirs).toHaveLength(1);
  });

  it('gives the invite back when the ceremony fails, so the member can try again', async () => {
    const token = await newInviteToken('Retry Once');
    const browser = new CookieJar();
    await call(browser, token, { step: 'options' });
    const stale = await call(browser, token, {
      step: 'verify',
      response: new SoftAuthenticator().register({
        challenge: 'bm90LWlzc3VlZA',
        rp: { id: 'localhost', name: 'x' },
        user: { id: 'AAAA', name: 'x', displayName: 'x' },
        pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
      } as never),
    });
    expect(stale.status).toBe(400);
    const { body: start } = await call(browser, token, { step: 'options' });
    expect((await call(browser, token, { step: 'verify', response: new SoftAuthenticator().register(start.options) })).status).toBe(200);
  });
});
