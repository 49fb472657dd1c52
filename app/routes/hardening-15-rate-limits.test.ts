// Finding 15: only 2 of the 10 limits were ever driven to their 429. Each limit here is reached through the route or
// service that enforces it (the others: enroll.test.ts per details, pin.server.test.ts PIN changes and the Verify PIN
// lock, hardening-2 passkey ceremonies, hardening-3-4 wrong codes per browser and per account, people-rights asks).
import { count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountFromCard, lookUpAccount, sendPinResetCode, verifyCallerPin } from '~/services/agent-console.server';
import { accounts, outbox, rateLimits, staff } from '../../db/tables';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { args, CookieJar } from '../../tests/helpers/requests';
import { action as enrollAction } from './enroll';
import { action as agentCodeAction } from './enroll_.agent-code';

beforeAll(async () => {
  await withDemoAccounts();
  await testDatabase().run((db) =>
    db.insert(staff).values({ id: 5150, name: 'Rate Limited', role: 'agent', webauthnUserId: 'hardening-15' }).onConflictDoNothing(),
  );
});
beforeEach(async () => {
  await testDatabase().run((db) => db.delete(rateLimits));
  await testDatabase().run((db) => db.delete(outbox));
});

const agent = { sessionId: 1, staffId: 5150, name: 'Rate Limited', role: 'agent' as const };
const statusOf = async (run: () => Promise<unknown>) => {
  const result = await run().catch((error: unknown) => error);
  return result instanceof Response ? result.status : ((result as { init?: ResponseInit | null })?.init?.status ?? 200);
};

describe('finding 15: every rate limit reaches its 429', () => {
  it('code requests per client: the 11th in an hour from one address', async () => {
    const browser = new CookieJar();
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        await statusOf(() =>
          enrollAction(
            args(browser.form('/enroll', { intent: 'send-code', accountNumber: `80000000${i % 10}`, phone: `206555${1000 + i}` }), browser),
          ),
        ),
      );
    }
    expect(statuses.slice(0, 10).every((status) => status === 302)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('messages per account stay silent: an 11th request from another address answers as always and sends nothing', async () => {
    const sent = async () =>
      (await testDatabase().get((db) => db.select({ n: count() }).from(outbox).where(eq(outbox.recipient, '+12065550101'))))!.n;
    for (let i = 0; i < 11; i++) {
      const browser = new CookieJar();
      expect(
        await statusOf(() =>
          enrollAction(args(browser.form('/enroll', { intent: 'send-code', accountNumber: '100000001', phone: '2065550101' }), browser)),
        ),
      ).toBe(302);
    }
    expect(await sent()).toBe(10);
  });

  it('code attempts per client: the 21st in 15 minutes from one address, whatever the browser', async () => {
    const address = new CookieJar().context.clientAddress;
    const statuses = [];
    for (let i = 0; i < 21; i++) {
      const browser = new CookieJar();
      browser.context.clientAddress = address; // a fresh browser each time, one network address
      statuses.push(
        await statusOf(() =>
          agentCodeAction(
            args(browser.form('/enroll/agent-code', { accountNumber: `7000000${String(i).padStart(2, '0')}`, code: '123456' }), browser),
          ),
        ),
      );
    }
    expect(statuses.slice(0, 20).every((status) => status === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('agent look-ups: the 61st in an hour', async () => {
    for (let i = 0; i < 60; i++) await lookUpAccount(agent, '100000001');
    expect(await statusOf(() => lookUpAccount(agent, '100000001'))).toBe(429);
  });

  it('PIN checks per agent: the 31st in an hour, across accounts', async () => {
    const ids = (await testDatabase().all((db) => db.select({ id: accounts.id }).from(accounts).orderBy(accounts.id))).map((row) => row.id);
    for (let i = 0; i < 30; i++) await verifyCallerPin(agent, ids[i % ids.length]!, '111111');
    expect(await statusOf(() => verifyCallerPin(agent, ids[0]!, '111111'))).toBe(429);
  });

  it('reset codes per account: the 4th in an hour', async () => {
    const found = await lookUpAccount(agent, '100000003');
    const accountId = found.found ? accountFromCard(agent, found.card)! : 0;
    for (let i = 0; i < 3; i++) await sendPinResetCode(agent, accountId);
    expect(await statusOf(() => sendPinResetCode(agent, accountId))).toBe(429);
  });
});
