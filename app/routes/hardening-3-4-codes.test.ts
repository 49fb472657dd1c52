// Finding 3: codes could be guessed at scale (about 25 guesses per account per hour, every hour).
// Finding 4: codes could be burned: wrong tries at /enroll/agent-code cancelled every live code on the account, and
// using up the send limits blocked the real customer.
import { desc, eq, like } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { opened, openedOrNull } from '~/models/outbox.server';
import { holderLine } from '~/models/person.server';
import { issueOneTimeCode } from '~/services/one-time-code.server';
import { oneTimeCodes, outbox, rateLimits } from '../../db/tables';
import { accountIdOf } from '../../tests/helpers/customers';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { args, CookieJar } from '../../tests/helpers/requests';
import { action as enrollAction, loader as enrollLoader } from './enroll';
import { action as agentCodeAction } from './enroll_.agent-code';

beforeAll(() => withDemoAccounts());
beforeEach(async () => {
  await testDatabase().run((db) => db.delete(rateLimits));
  await testDatabase().run((db) => db.delete(outbox));
});

const codeSentTo = async (recipient: string) => {
  const row = openedOrNull(
    await testDatabase().get((db) => db.select().from(outbox).where(eq(outbox.recipient, recipient)).orderBy(desc(outbox.id))),
  );
  return row ? (/code is (\d{6})/.exec(row.body)?.[1] ?? null) : null;
};
const pausedNotices = async () =>
  (
    await testDatabase().all((db) =>
      db.select().from(outbox).where(eq(outbox.subject, 'Code checks for your account are paused')).orderBy(outbox.id),
    )
  ).map(opened);
const send = async (browser: CookieJar, accountNumber: string, phone: string) =>
  browser.take((await enrollAction(args(browser.form('/enroll', { intent: 'send-code', accountNumber, phone }), browser))) as Response);
const verify = async (browser: CookieJar, code: string) => {
  const answer = (await enrollAction(args(browser.form('/enroll', { intent: 'verify', code }), browser)).catch((error) => error)) as
    Response | { init: ResponseInit | null };
  if (answer instanceof Response) return browser.take(answer).status;
  return answer.init?.status ?? 200;
};
const agentCode = async (browser: CookieJar, accountNumber: string, code: string) => {
  const answer = (await agentCodeAction(args(browser.form('/enroll/agent-code', { accountNumber, code }), browser)).catch(
    (error) => error,
  )) as Response | { init: ResponseInit | null };
  if (answer instanceof Response) return browser.take(answer).status;
  return browser.take(answer).init?.status ?? 200;
};
const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

describe('finding 3: codes cannot be guessed at scale', () => {
  it('an enrollment code works only in the browser that asked for it', async () => {
    const asker = new CookieJar();
    await send(asker, '100000004', '5035550105');
    const code = (await codeSentTo('+15035550105'))!;
    const elsewhere = new CookieJar();
    await send(elsewhere, '100000004', '5035550199'); // a code-sent state of its own, for the same account
    expect(await verify(elsewhere, code)).toBe(400);
    expect(await agentCode(new CookieJar(), '100000004', code)).toBe(400);
    expect(await verify(asker, code)).toBe(302);
    expect((await enrollLoader(args(asker.request('/enroll'), asker))).step).toBe('create');
  });

  it('caps failed code attempts per account per day across browsers, and tells the holder once, without a link', async () => {
    for (let browserIndex = 0; browserIndex < 4; browserIndex++) {
      const browser = new CookieJar();
      for (let attempt = 0; attempt < 4; attempt++) await agentCode(browser, '100000005', String(100000 + browserIndex * 10 + attempt));
    }
    const asker = new CookieJar();
    await send(asker, '100000005', '5035550106');
    const code = (await codeSentTo('+15035550106'))!;
    // Past the daily cap even the right code is refused for now: guessing is over for the day.
    expect(await verify(asker, code)).toBe(429);
    const told = await pausedNotices();
    expect(told.map((message) => message.recipient).sort()).toEqual(['+15035550106', 'morgan@example.com']);
    expect(told[0]!.body).not.toMatch(/https?:|www\./);
    for (let i = 0; i < 3; i++) await agentCode(new CookieJar(), '100000005', '123123');
    expect(await pausedNotices()).toHaveLength(2);
  });

  it('a burst of wrong codes sent at the same instant from many browsers is capped like the same tries one by one', async () => {
    const accountId = await accountIdOf('100000007');
    const code = await issueOneTimeCode({ accountId, phone: (await holderLine(accountId))!, purpose: 'agent-reset' });
    const guesses = Array.from({ length: 100 }, (_, index) => String(300000 + index)).filter((guess) => guess !== code);
    const statuses = await Promise.all(guesses.map((guess) => agentCode(new CookieJar(), '100000007', guess)));
    expect(statuses.filter((status) => status === 400)).toHaveLength(15); // checked: the daily cap, no more
    expect(statuses.filter((status) => status === 429)).toHaveLength(guesses.length - 15);
    const counted = await testDatabase().get((db) =>
      db.select({ count: rateLimits.count }).from(rateLimits).where(like(rateLimits.key, 'wrong-codes.account:%')),
    );
    expect(counted!.count).toBe(15);
  });

  it('the daily cap answers the same for an account number that does not exist', async () => {
    for (let i = 0; i < 16; i++) await agentCode(new CookieJar(), '999999998', String(200000 + i));
    expect(await agentCode(new CookieJar(), '999999998', '200099')).toBe(429);
  });
});

describe('finding 4: codes cannot be burned by someone else', () => {
  it('wrong tries at /enroll/agent-code count against the browser that made them and never cancel the holder’s code', async () => {
    const accountId = await accountIdOf('100000006');
    const code = await issueOneTimeCode({ accountId, phone: '+14155550107', purpose: 'agent-reset' });
    const attacker = new CookieJar();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push(await agentCode(attacker, '100000006', wrong(code)));
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const row = await testDatabase().get((db) =>
      db.select().from(oneTimeCodes).where(eq(oneTimeCodes.accountId, accountId)).orderBy(desc(oneTimeCodes.id)),
    );
    expect(row).toMatchObject({ attempts: 0, invalidatedAt: null });
    expect(await agentCode(new CookieJar(), '100000006', code)).toBe(302);
  });

  it('a stranger who uses up the send limits for the details does not block the real customer, nor cancel their code', async () => {
    const customer = new CookieJar();
    await send(customer, '100000007', '2125550108');
    const first = (await codeSentTo('+12125550108'))!;
    const attacker = new CookieJar();
    for (let i = 0; i < 3; i++) await send(attacker, '100000007', '2125550108');
    const limited = await enrollAction(
      args(attacker.form('/enroll', { intent: 'send-code', accountNumber: '100000007', phone: '2125550108' }), attacker),
    ).catch((e) => e);
    expect((limited as Response).status).toBe(429);
    // The customer's code still works: the stranger's requests were bound to the stranger's browser.
    expect(await verify(customer, first)).toBe(302);
    const again = new CookieJar();
    expect((await send(again, '100000007', '2125550108')).status).toBe(302);
    expect(await codeSentTo('+12125550108')).not.toBeNull();
  });
});
