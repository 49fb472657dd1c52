import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { opened } from '~/models/outbox.server';
import { auditEvents, outbox, staff } from '../../db/schema';
import { testDb, withDemoAccounts } from '../../tests/helpers/db';
import { accountCard, lookUpAccount, sendPinResetCode } from './agent-console.server';

const agent = { sessionId: 1, staffId: 4242, name: 'Test Agent', role: 'agent' as const };

beforeAll(async () => {
  await withDemoAccounts();
  testDb()
    .insert(staff)
    .values({ id: agent.staffId, name: agent.name, role: 'agent', webauthnUserId: 'agent-console-test' })
    .onConflictDoNothing()
    .run();
});
afterEach(() => testDb().$client.exec('DELETE FROM imports; DELETE FROM rate_limits'));

describe('agent look-up by phone', () => {
  it('finds a demo account by any way of writing its phone', async () => {
    expect(await lookUpAccount(agent, '(206) 555-0104')).toMatchObject({ found: true });
  });

  it('says to ask for the account number while an accounts import is being applied', async () => {
    expect(await lookUpAccount(agent, '206-555-0199')).toEqual({
      found: false,
      message: 'No account has that phone number. Check the digits with the caller.',
    });
    testDb().$client.exec(
      "INSERT INTO imports (kind, file_name, file_sha256, operator, started_at, outcome) VALUES ('accounts', 'today.csv', '', 'ops', 0, 'running')",
    );
    const answer = await lookUpAccount(agent, '206-555-0199');
    expect(answer).toMatchObject({ found: false, message: expect.stringContaining('Account data is being imported right now') });
    // An account number is unaffected by the import's phone pass.
    expect(await lookUpAccount(agent, '999999999')).toEqual({
      found: false,
      message: 'No account has that account number. Check the digits with the caller.',
    });
  });
});

describe('the agent card and the guided reset', () => {
  const accountIdOf = (accountNumber: string) =>
    testDb().$client.prepare('SELECT id FROM accounts WHERE account_number = ?').pluck().get(accountNumber) as number;

  it('lists the people with roles and masked lines, never the whole numbers', async () => {
    const card = (await accountCard(accountIdOf('100000009')))!;
    expect(card.people).toEqual([
      { line: '•••-•••-0110', role: 'Account holder', status: 'Not set up' },
      { line: '•••-•••-0111', role: 'Authorized user', status: 'Not set up' },
      { line: '•••-•••-0112', role: 'Line user', status: 'Not set up' },
      { line: '•••-•••-0113', role: 'Line user', status: 'Not set up' },
    ]);
    expect(JSON.stringify(card)).not.toMatch(/5125550|Drew|drew@/);
  });

  it("texts the reset code to the account holder's own line only, and audits it without the code", async () => {
    const accountId = accountIdOf('100000009');
    testDb().delete(outbox).run();
    expect(await sendPinResetCode(agent, accountId)).toEqual({ line: '•••-•••-0110' });
    const sent = testDb().select().from(outbox).all().map(opened);
    expect(sent.map((message) => [message.channel, message.recipient])).toEqual([['sms', '+15125550110']]);
    const code = /code is (\d{6})/.exec(sent[0]!.body)![1]!;
    const audit = testDb().select().from(auditEvents).where(eq(auditEvents.action, 'agent.reset_code_sent')).all().at(-1)!;
    expect(JSON.stringify(audit)).not.toContain(code);
  });
});
