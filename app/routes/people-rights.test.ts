// DESIGN section 9 through the routes, as each person on the demo family account 100000009: the holder on 0110, an
// authorized user on 0111, line users on 0112 and 0113. Each refusal is a 403 with a sentence, and nothing changes.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { opened, openedOrNull } from '~/models/outbox.server';
import { requestEnrollmentCode } from '~/services/enrollment.server';
import { getCustomerSession, markStepUp } from '~/services/session.server';
import { accounts, auditEvents, outbox, passkeys, sessions } from '../../db/tables';
import { accountIdOf, customerWithPasskey, signedInBrowser } from '../../tests/helpers/customers';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { args, type CookieJar, saidBy } from '../../tests/helpers/requests';
import { loader as exposureLoader } from './account._index';
import { action as passkeysAction } from './account.passkeys';
import { action as peopleAction, loader as peopleLoader } from './account.people';
import { action as pinAction, loader as pinLoader } from './account.pin';
import { loader as statementLoader } from './account.statement';

const FAMILY = '100000009';
const people: Record<'holder' | 'authorized' | 'line' | 'otherLine', { browser: CookieJar; customerId: number; credentialId: string }> =
  {} as never;

async function signIn(phone: string) {
  const { customer, credentialId } = await customerWithPasskey(FAMILY, undefined, phone);
  const browser = await signedInBrowser(customer.id);
  await markStepUp((await getCustomerSession(browser.request('/account')))!);
  return { browser, customerId: customer.id, credentialId };
}

beforeAll(async () => {
  await withDemoAccounts();
  people.holder = await signIn('+15125550110');
  people.authorized = await signIn('+15125550111');
  people.line = await signIn('+15125550112');
  people.otherLine = await signIn('+15125550113');
});

async function refusal(run: () => Promise<unknown>): Promise<{ status: number; text: string }> {
  const thrown = await run().then(
    () => null,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(Response);
  return { status: (thrown as Response).status, text: await saidBy(thrown as Response) };
}

const pinHash = async () =>
  (await testDatabase().get((db) => db.select({ pinHash: accounts.pinHash }).from(accounts).where(eq(accounts.accountNumber, FAMILY))))!
    .pinHash;
const messages = async () => (await testDatabase().all((db) => db.select().from(outbox).orderBy(outbox.id))).map(opened);
const clearOutbox = () => testDatabase().run((db) => db.delete(outbox));
const passkeysOf = (customerId: number) =>
  testDatabase().all((db) => db.select().from(passkeys).where(eq(passkeys.customerId, customerId)));

describe('section 9: what each person on an account may do', () => {
  it('everyone reads the exposure (field names, never values), each with their own checklist', async () => {
    for (const role of ['holder', 'authorized', 'line'] as const) {
      const { browser } = people[role];
      const { report } = await exposureLoader(args(browser.request('/account'), browser));
      expect(report.involvedCount).toBe(1);
      const pin = report.checklist.find((step) => step.id === 'change-pin')!;
      expect(pin.owner).toBe(role === 'holder' ? 'you' : 'holder');
      expect(JSON.stringify(report)).not.toMatch(/Drew Kim|73301|5125550/);
    }
  });

  it('the PIN: an authorized user and a line user who post the form directly get a 403, and nothing changes', async () => {
    for (const role of ['authorized', 'line'] as const) {
      const { browser } = people[role];
      const view = await pinLoader(args(browser.request('/account/pin'), browser));
      expect(view.isHolder).toBe(false);
      const forms: Array<Record<string, string>> = [
        { intent: 'change-pin', pin: '583920', confirmation: '583920' },
        { intent: 'start-reset', pin: '583920', confirmation: '583920' },
        { intent: 'cancel-reset' },
      ];
      for (const fields of forms) {
        const refused = await refusal(() => pinAction(args(browser.form('/account/pin', fields), browser)));
        expect(refused).toEqual({
          status: 403,
          text: 'Only the account holder can change the account PIN. You can ask them to: choose “Ask the account holder”.',
        });
      }
    }
    expect(await pinHash()).toBeNull();
    const { browser } = people.holder;
    const done = (await pinAction(
      args(browser.form('/account/pin', { intent: 'change-pin', pin: '583920', confirmation: '583920' }), browser),
    )) as Response;
    expect(done.status).toBe(303);
    expect(await pinHash()).not.toBeNull();
  });

  it('"Ask the account holder" sends the holder a notice without a link saying who asked, three times a day at most', async () => {
    const { browser } = people.line;
    await clearOutbox();
    const asked = (await pinAction(args(browser.form('/account/pin', { intent: 'ask-holder' }), browser))) as unknown as {
      data: { asked: { sent: boolean } };
    };
    expect(asked.data.asked.sent).toBe(true);
    const notices = await messages();
    expect(notices.map((notice) => notice.recipient).sort()).toEqual(['+15125550110', 'drew@example.com']);
    expect(notices[0]!.body).toContain('The line user of the line ending 0112 on your account asked you to change the account PIN');
    expect(notices[0]!.body).not.toMatch(/https?:|www\./);
    for (let i = 0; i < 2; i++) await pinAction(args(browser.form('/account/pin', { intent: 'ask-holder' }), browser));
    const fourth = (await pinAction(args(browser.form('/account/pin', { intent: 'ask-holder' }), browser))) as unknown as {
      data: { asked: { sent: boolean; text: string } };
      init: ResponseInit;
    };
    expect(fourth.init.status).toBe(429);
    expect(fourth.data.asked.text).toMatch(/^You asked recently\. You can ask again in \d+ hours?\.$/);
    expect(await messages()).toHaveLength(6);
  });

  it('the statement is for the holder and authorized users; a line user gets a 403 with a sentence', async () => {
    for (const role of ['holder', 'authorized'] as const) {
      const statement = await statementLoader(args(people[role].browser.request('/account/statement'), people[role].browser));
      expect(statement.reference).toMatch(/^BC-\d{8}-/);
    }
    const refused = await refusal(() => statementLoader(args(people.line.browser.request('/account/statement'), people.line.browser)));
    expect(refused).toEqual({
      status: 403,
      text: 'The statement of exposure is for the account holder and authorized users. Ask the account holder for a copy.',
    });
  });

  it('only the holder sees the people on the account; the holder sees each role and masked line', async () => {
    for (const role of ['authorized', 'line'] as const) {
      const refused = await refusal(() => peopleLoader(args(people[role].browser.request('/account/people'), people[role].browser)));
      expect(refused.status).toBe(403);
      const remove = await refusal(() =>
        peopleAction(
          args(
            people[role].browser.form('/account/people', { intent: 'remove-access', personId: String(people.holder.customerId) }),
            people[role].browser,
          ),
        ),
      );
      expect(remove.status).toBe(403);
    }
    const { people: list } = await peopleLoader(args(people.holder.browser.request('/account/people'), people.holder.browser));
    expect(list.map((person) => [person.role, person.line, person.you, person.passkeys])).toEqual([
      ['holder', '•••-•••-0110', true, 1],
      ['authorized', '•••-•••-0111', false, 1],
      ['line', '•••-•••-0112', false, 1],
      ['line', '•••-•••-0113', false, 1],
    ]);
    expect(await passkeysOf(people.holder.customerId)).toHaveLength(1);
  });

  it("everyone manages their own passkeys only: a line user cannot remove the holder's passkey", async () => {
    const { browser } = people.otherLine;
    const removed = await passkeysAction(
      args(browser.form('/account/passkeys', { intent: 'remove', passkeyId: people.holder.credentialId }), browser),
    ).catch((error) => error);
    expect((removed as Response).status).toBe(404);
    expect(await testDatabase().get((db) => db.select().from(passkeys).where(eq(passkeys.id, people.holder.credentialId)))).toBeDefined();
  });

  it("the holder removes a person's access: their sessions end on the next request, passkeys go, their line is told, audited", async () => {
    const target = people.otherLine;
    await clearOutbox();
    const answer = (await peopleAction(
      args(
        people.holder.browser.form('/account/people', { intent: 'remove-access', personId: String(target.customerId) }),
        people.holder.browser,
      ),
    )) as { data: { notice: string } };
    expect(answer.data.notice).toBe('Access removed. Sessions signed out: 1. Passkeys removed: 1. We sent a message to their line.');
    expect(await getCustomerSession(target.browser.request('/account'))).toBeNull();
    expect(await passkeysOf(target.customerId)).toHaveLength(0);
    const theirSessions = await testDatabase().all((db) => db.select().from(sessions).where(eq(sessions.customerId, target.customerId)));
    expect(theirSessions.every((row) => row.revokedAt !== null)).toBe(true);
    const notice = openedOrNull(await testDatabase().get((db) => db.select().from(outbox).orderBy(outbox.id)))!;
    expect(notice).toMatchObject({ recipient: '+15125550113', channel: 'sms' });
    expect(notice.body).not.toMatch(/https?:|www\./);
    const audit = (
      await testDatabase().all((db) =>
        db.select().from(auditEvents).where(eq(auditEvents.action, 'person.access_removed')).orderBy(auditEvents.id),
      )
    ).at(-1)!;
    expect(audit).toMatchObject({ actorType: 'customer', actorId: String(people.holder.customerId), accountId: await accountIdOf(FAMILY) });

    // Until the holder restores it, a code request for that line sends nothing (and answers as always).
    const list = (await peopleLoader(args(people.holder.browser.request('/account/people'), people.holder.browser))).people;
    expect(list.find((person) => person.line.endsWith('0113'))!.accessRemovedAt).not.toBeNull();
    await clearOutbox();
    const { state } = await requestEnrollmentCode(
      new Request('http://localhost:3000/enroll'),
      { accountNumber: FAMILY, phone: '+15125550113' },
      { clientAddress: '10.9.9.9' },
    );
    expect(state.step).toBe('code-sent');
    expect(await messages()).toEqual([]);
    await peopleAction(
      args(
        people.holder.browser.form('/account/people', { intent: 'restore-access', personId: String(target.customerId) }),
        people.holder.browser,
      ),
    );
    const restored = (await peopleLoader(args(people.holder.browser.request('/account/people'), people.holder.browser))).people;
    expect(restored.find((person) => person.line.endsWith('0113'))!.accessRemovedAt).toBeNull();
  });

  it('the holder cannot remove their own access, nor a person on another account', async () => {
    const self = await refusal(() =>
      peopleAction(
        args(
          people.holder.browser.form('/account/people', { intent: 'remove-access', personId: String(people.holder.customerId) }),
          people.holder.browser,
        ),
      ),
    );
    expect(self.status).toBe(400);
    const { customer: stranger } = await customerWithPasskey('100000001');
    const other = await refusal(() =>
      peopleAction(
        args(
          people.holder.browser.form('/account/people', { intent: 'remove-access', personId: String(stranger.id) }),
          people.holder.browser,
        ),
      ),
    );
    expect(other).toEqual({ status: 404, text: 'That person is not on your account.' });
  });
});
