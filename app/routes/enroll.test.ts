// Enrollment by one-time code: identical answers for unknown details, code rules, and the whole flow to a session.
import { desc, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openedOrNull } from '~/models/outbox.server';
import { findPerson, personHasPasskey } from '~/models/person.server';
import { issueOneTimeCode } from '~/services/one-time-code.server';
import { getCustomerSession, hasRecentStepUp } from '~/services/session.server';
import type { FormAnswer } from '~/utils/form-answer';
import { auditEvents, oneTimeCodes, outbox, rateLimits } from '../../db/tables';
import { accountIdOf } from '../../tests/helpers/customers';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { args, CookieJar, saidBy } from '../../tests/helpers/requests';
import { SoftAuthenticator } from '../../tests/helpers/soft-authenticator';
import { action as registrationAction } from './auth.passkey.registration';
import { action as registrationOptionsAction } from './auth.passkey.registration-options';
import { action as enrollAction, loader as enrollLoader } from './enroll';
import { action as agentCodeAction } from './enroll_.agent-code';

beforeAll(() => withDemoAccounts());

type DataAnswer = { data: FormAnswer & { errors: { fields: Record<string, string> } }; init: ResponseInit | null };

async function sendCode(browser: CookieJar, accountNumber: string, phone: string) {
  const started = performance.now();
  const response = browser.take(
    (await enrollAction(args(browser.form('/enroll', { intent: 'send-code', accountNumber, phone }), browser))) as Response,
  );
  return { response, ms: performance.now() - started };
}

async function verifyCode(browser: CookieJar, code: string) {
  return browser.take((await enrollAction(args(browser.form('/enroll', { intent: 'verify', code }), browser))) as Response | DataAnswer);
}

const latestMessageTo = async (recipient: string) =>
  openedOrNull(await testDatabase().get((db) => db.select().from(outbox).where(eq(outbox.recipient, recipient)).orderBy(desc(outbox.id))));

async function latestCodeSentTo(recipient: string): Promise<string | null> {
  const row = await latestMessageTo(recipient);
  return row ? /code is (\d{6})/.exec(row.body)![1]! : null;
}

const latestCodeRow = async (accountNumber: string) => {
  const accountId = await accountIdOf(accountNumber);
  return (await testDatabase().get((db) =>
    db.select().from(oneTimeCodes).where(eq(oneTimeCodes.accountId, accountId)).orderBy(desc(oneTimeCodes.id)),
  ))!;
};

async function enrollStep(browser: CookieJar) {
  return (await enrollLoader(args(browser.request('/enroll'), browser))).step;
}

describe('/enroll code requests', () => {
  it('answers identically, in similar time, whether or not the details match an account', async () => {
    const known = new CookieJar();
    const unknown = new CookieJar();
    const wrongPhone = new CookieJar();
    const a = await sendCode(known, '100000001', '(206) 555-0101');
    const b = await sendCode(unknown, '999999999', '206-555-0101');
    const c = await sendCode(wrongPhone, '100000001', '2065559999');
    for (const { response, ms } of [a, b, c]) {
      expect(response.status).toBe(302);
      expect(response.headers.get('Location')).toBe('/enroll');
      expect(await response.clone().text()).toBe(await a.response.clone().text());
      // Same cookie name and attributes; its value holds only what was typed.
      expect(response.headers.getSetCookie()[0]!.replace(/=[^;]*/, '=…')).toBe(
        a.response.headers.getSetCookie()[0]!.replace(/=[^;]*/, '=…'),
      );
      expect(ms).toBeGreaterThanOrEqual(395);
      expect(Math.abs(ms - a.ms)).toBeLessThan(150);
    }
    expect(await enrollStep(known)).toBe('code');
    expect(await enrollStep(unknown)).toBe('code');
    expect(await enrollStep(wrongPhone)).toBe('code');
    // Only the matching pair sent anything: by text to that line only (not the email, not the other line), with no link.
    const sms = await latestCodeSentTo('+12065550101');
    expect(sms).toMatch(/^\d{6}$/);
    expect(await latestCodeSentTo('jordan@example.com')).toBeNull();
    expect(await latestCodeSentTo('+12065550102')).toBeNull();
    const body = (await latestMessageTo('+12065550101'))!.body;
    expect(body).toBe(`Your breach-check code is ${sms}. It expires in 10 minutes. We will never call or text to ask for it.`);
  });

  it('stores codes only as HMACs', async () => {
    const browser = new CookieJar();
    await sendCode(browser, '100000002', '+12065550103');
    const code = (await latestCodeSentTo('+12065550103'))!;
    const row = await latestCodeRow('100000002');
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.codeHash).not.toContain(code);
  });

  it('validates the fields and keeps what was typed', async () => {
    const browser = new CookieJar();
    const answer = (await enrollAction(
      args(browser.form('/enroll', { intent: 'send-code', accountNumber: '12', phone: '555' }), browser),
    )) as unknown as DataAnswer;
    expect(answer.init?.status).toBe(400);
    expect(answer.data.errors.fields).toEqual({
      accountNumber: 'Account numbers are 9 digits, as printed on your bill',
      phone: 'Enter a US phone number, like (206) 555-0101',
    });
    expect((answer.data as unknown as { values: Record<string, string> }).values).toMatchObject({ accountNumber: '12', phone: '555' });
  });

  it('limits requests per details (matching or not) with a 429 saying when to try again', async () => {
    for (const accountNumber of ['100000012', '888888888']) {
      const browser = new CookieJar();
      for (let i = 0; i < 3; i++) await sendCode(browser, accountNumber, '2065550199');
      const fourth = await enrollAction(
        args(browser.form('/enroll', { intent: 'send-code', accountNumber, phone: '2065550199' }), browser),
      ).catch((e) => e);
      expect(fourth).toBeInstanceOf(Response);
      expect(fourth.status).toBe(429);
      expect(await saidBy(fourth)).toMatch(/^Too many attempts\. Please try again in \d+ minutes?\.$/);
    }
  });
});

describe('/enroll code checks', () => {
  it('refuses an expired code', async () => {
    const browser = new CookieJar();
    await sendCode(browser, '100000003', '2065550104');
    const code = (await latestCodeSentTo('+12065550104'))!;
    const accountId = await accountIdOf('100000003');
    await testDatabase().run((db) =>
      db
        .update(oneTimeCodes)
        .set({ expiresAt: new Date(Date.now() - 1) })
        .where(eq(oneTimeCodes.accountId, accountId)),
    );
    const answer = (await verifyCode(browser, code)) as DataAnswer;
    expect(answer.init?.status).toBe(400);
    expect(answer.data.errors.fields.code).toMatch(/not right, or it has expired/);
  });

  it('refuses the sixth try even when it is the right code: five wrong ones invalidate it, and the browser waits', async () => {
    const browser = new CookieJar();
    await sendCode(browser, '100000004', '5035550105');
    const code = (await latestCodeSentTo('+15035550105'))!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect(((await verifyCode(browser, wrong)) as DataAnswer).init?.status).toBe(400);
    const row = await latestCodeRow('100000004');
    expect(row.attempts).toBe(5);
    expect(row.invalidatedAt).toBeInstanceOf(Date);
    // The browser that typed five wrong codes waits; and the code itself is spent whatever comes next.
    const sixth = await verifyCode(browser, code).catch((error: unknown) => error);
    expect((sixth as Response).status).toBe(429);
    await testDatabase().run((db) => db.delete(rateLimits).where(like(rateLimits.key, 'wrong-codes.browser:%')));
    expect(((await verifyCode(browser, code)) as DataAnswer).init?.status).toBe(400);
    expect(await enrollStep(browser)).toBe('code');
  });

  it('a new code request invalidates the older code; a used code cannot be used again', async () => {
    const browser = new CookieJar();
    await sendCode(browser, '100000005', '5035550106');
    const first = (await latestCodeSentTo('+15035550106'))!;
    await sendCode(browser, '100000005', '5035550106');
    const second = (await latestCodeSentTo('+15035550106'))!;
    if (first !== second) expect(((await verifyCode(browser, first)) as DataAnswer).init?.status).toBe(400);
    const ok = (await verifyCode(browser, second)) as Response;
    expect(ok.status).toBe(302);
    expect(await enrollStep(browser)).toBe('create');
    const again = new CookieJar();
    await sendCode(again, '100000005', '5035550106'); // a fresh state; the old code is still spent
    expect(((await verifyCode(again, second)) as DataAnswer).init?.status).toBe(400);
  });
});

async function registerThroughEndpoints(browser: CookieJar, authenticator: SoftAuthenticator) {
  const optionsResponse = browser.take(
    await registrationOptionsAction(args(browser.json('/auth/passkey/registration-options', { context: 'enroll' }), browser)),
  );
  expect(optionsResponse.status).toBe(200);
  const { options } = await optionsResponse.json();
  expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
  expect(options.attestation).toBe('none');
  const done = browser.take(
    await registrationAction(
      args(browser.json('/auth/passkey/registration', { context: 'enroll', response: authenticator.register(options) }), browser),
    ),
  );
  return { status: done.status, body: await done.json() };
}

describe('enrollment to a signed-in session', () => {
  it('code → verify → create passkey → signed in on /account, with a notice and audit events', async () => {
    const browser = new CookieJar();
    const accountId = await accountIdOf('100000006');
    const hasPasskey = async () => {
      const person = await findPerson(accountId, '+14155550107');
      return person ? personHasPasskey(person.id) : false;
    };
    expect(await hasPasskey()).toBe(false);
    await sendCode(browser, '100000006', '4155550107');
    await verifyCode(browser, (await latestCodeSentTo('+14155550107'))!);
    const { status, body } = await registerThroughEndpoints(browser, new SoftAuthenticator());
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'success', redirectTo: '/account?welcome=1' });
    const session = await getCustomerSession(browser.request('/account'));
    expect(session?.accountId).toBe(accountId);
    expect(hasRecentStepUp(session!)).toBe(true);
    expect(await hasPasskey()).toBe(true);
    expect(await enrollStep(browser)).toBe('details'); // the enrollment state is gone
    const actions = (
      await testDatabase().all((db) =>
        db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.accountId, accountId)),
      )
    ).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['customer.enrolled', 'passkey.added']));
    expect(
      (await testDatabase().all((db) => db.select().from(outbox).where(eq(outbox.accountId, accountId)))).some(
        (m) => m.subject === 'A passkey was added to your account',
      ),
    ).toBe(true);
  });

  it('a verified code sets up one passkey: a saved copy of the enrollment cookie cannot add another', async () => {
    const browser = new CookieJar();
    await sendCode(browser, '100000011', '6175550115');
    await verifyCode(browser, (await latestCodeSentTo('+16175550115'))!);
    const copy = new CookieJar();
    for (const [name, value] of browser.cookies) copy.cookies.set(name, value);
    expect((await registerThroughEndpoints(browser, new SoftAuthenticator())).status).toBe(200);
    const replay = browser.take(
      await registrationOptionsAction(args(copy.json('/auth/passkey/registration-options', { context: 'enroll' }), copy)),
    );
    expect(replay.status).toBe(400);
    expect((await replay.json()).message).toContain('already been used');
  });

  it('refuses registration options without a verified code', async () => {
    const browser = new CookieJar();
    await sendCode(browser, '100000007', '9995550000');
    const response = await registrationOptionsAction(
      args(browser.json('/auth/passkey/registration-options', { context: 'enroll' }), browser),
    );
    expect(response.status).toBe(400);
  });

  it('a customer who lost their passkeys enrolls again: same customer, older passkeys kept', async () => {
    const first = new CookieJar();
    await sendCode(first, '100000008', '3125550109');
    await verifyCode(first, (await latestCodeSentTo('+13125550109'))!);
    await registerThroughEndpoints(first, new SoftAuthenticator());
    const customerBefore = (await getCustomerSession(first.request('/account')))!.customerId;

    const second = new CookieJar();
    await sendCode(second, '100000008', '3125550109');
    await verifyCode(second, (await latestCodeSentTo('+13125550109'))!);
    const view = await enrollLoader(args(second.request('/enroll'), second));
    expect(view).toMatchObject({ step: 'create', hasPasskey: true });
    await registerThroughEndpoints(second, new SoftAuthenticator());
    const session = (await getCustomerSession(second.request('/account')))!;
    expect(session.customerId).toBe(customerBefore);
    // A passkey added with a code to someone who already had one is announced to their contacts, without a link.
    const notice = (await latestMessageTo('+13125550109'))!;
    expect(notice.body).toBe(
      "A new passkey was set up with a one-time code for your breach-check account. Your older passkeys still work. If this wasn't you, call 611 from your phone now.",
    );
    expect((await latestMessageTo('jamie@example.com'))!.body).toBe(notice.body);
  });

  it('each person on a family account enrolls as themself, with the role of their own line', async () => {
    const lineUser = new CookieJar();
    await sendCode(lineUser, '100000009', '(512) 555-0113');
    // The code went to that line only: not to the holder, the other lines or the email.
    for (const other of ['+15125550110', '+15125550111', '+15125550112', 'drew@example.com'])
      expect(await latestCodeSentTo(other)).toBeNull();
    await verifyCode(lineUser, (await latestCodeSentTo('+15125550113'))!);
    expect((await registerThroughEndpoints(lineUser, new SoftAuthenticator())).status).toBe(200);
    const session = (await getCustomerSession(lineUser.request('/account')))!;
    expect(session).toMatchObject({ accountId: await accountIdOf('100000009'), phone: '+15125550113', role: 'line' });

    const authorized = new CookieJar();
    await sendCode(authorized, '100000009', '5125550111');
    await verifyCode(authorized, (await latestCodeSentTo('+15125550111'))!);
    await registerThroughEndpoints(authorized, new SoftAuthenticator());
    const other = (await getCustomerSession(authorized.request('/account')))!;
    expect(other).toMatchObject({ phone: '+15125550111', role: 'authorized' });
    expect(other.customerId).not.toBe(session.customerId);
  });

  it('a code sent to one line does not verify for another line of the same account', async () => {
    const browser = new CookieJar();
    await sendCode(browser, '100000001', '2065550102');
    const code = (await latestCodeSentTo('+12065550102'))!;
    const holder = new CookieJar();
    await sendCode(holder, '100000001', '2065550101');
    const answer = (await verifyCode(holder, code)) as DataAnswer | Response;
    if (code !== (await latestCodeSentTo('+12065550101'))) expect((answer as DataAnswer).init?.status).toBe(400);
  });

  it('an agent reset code works on "I have a code from an agent", enrolls the holder and leads to the 24-hour reset', async () => {
    const accountId = await accountIdOf('100000009');
    const code = await issueOneTimeCode({ accountId, phone: '+15125550110', purpose: 'agent-reset' });
    const browser = new CookieJar();
    const wrong = (await agentCodeAction(
      args(browser.form('/enroll/agent-code', { accountNumber: '100000009', code: '12345' }), browser),
    )) as unknown as DataAnswer;
    expect(wrong.init?.status).toBe(400);
    expect(wrong.data.errors.fields.code).toBe('The code is 6 digits');
    const ok = browser.take(
      (await agentCodeAction(args(browser.form('/enroll/agent-code', { accountNumber: ' 100 000 009 ', code }), browser))) as Response,
    );
    expect(ok.headers.get('Location')).toBe('/enroll');
    const { body } = await registerThroughEndpoints(browser, new SoftAuthenticator());
    expect(body.redirectTo).toBe('/account/pin?forgot=1');
    expect((await getCustomerSession(browser.request('/account')))!).toMatchObject({ phone: '+15125550110', role: 'holder' });
  });
});
