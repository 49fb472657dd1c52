import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { opened } from '~/models/outbox.server';
import { accounts, auditEvents, imports, outbox, rateLimits, staff } from '../../db/tables';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { accountCard, lookUpAccount, sendPinResetCode } from './agent-console.server';

const agent = { sessionId: 1, staffId: 4242, name: 'Test Agent', role: 'agent' as const };

beforeAll(async () => {
  await withDemoAccounts();
  await testDatabase().run((db) =>
    db
      .insert(staff)
      .values({ id: agent.staffId, name: agent.name, role: 'agent', webauthnUserId: 'agent-console-test' })
      .onConflictDoNothing(),
  );
});
afterEach(async () => {
  await testDatabase().run((db) => db.delete(imports));
  await testDatabase().run((db) => db.delete(rateLimits));
});

describe('agent look-up by phone', () => {
  it('finds a demo account by any way of writing its phone', async () => {
    expect(await lookUpAccount(agent, '(206) 555-0104')).toMatchObject({ found: true });
  });

  it('says to ask for the account number while an accounts import is being applied', async () => {
    expect(await lookUpAccount(agent, '206-555-0199')).toEqual({
      found: false,
      message: 'No account has that phone number. Check the digits with the caller.',
    });
    await testDatabase().run((db) =>
      db
        .insert(imports)
        .values({ kind: 'accounts', fileName: 'today.csv', fileSha256: '', operator: 'ops', startedAt: new Date(0), outcome: 'running' }),
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
  const accountIdOf = async (accountNumber: string) =>
    (await testDatabase().get((db) => db.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, accountNumber))))!.id;

  it('lists the people with roles and masked lines, never the whole numbers', async () => {
    const card = (await accountCard(await accountIdOf('100000009')))!;
    expect(card.people).toEqual([
      { line: '•••-•••-0110', role: 'Account holder', status: 'Not set up' },
      { line: '•••-•••-0111', role: 'Authorized user', status: 'Not set up' },
      { line: '•••-•••-0112', role: 'Line user', status: 'Not set up' },
      { line: '•••-•••-0113', role: 'Line user', status: 'Not set up' },
    ]);
    expect(JSON.stringify(card)).not.toMatch(/5125550|Drew|drew@/);
  });

  it("texts the reset code to the account holder's own line only, and audits it without the code", async () => {
    const accountId = await accountIdOf('100000009');
    await testDatabase().run((db) => db.delete(outbox));
    expect(await sendPinResetCode(agent, accountId)).toEqual({ line: '•••-•••-0110' });
    const sent = (await testDatabase().all((db) => db.select().from(outbox).orderBy(outbox.id))).map(opened);
    expect(sent.map((message) => [message.channel, message.recipient])).toEqual([['sms', '+15125550110']]);
    const code = /code is (\d{6})/.exec(sent[0]!.body)![1]!;
    const audit = (
      await testDatabase().all((db) =>
        db.select().from(auditEvents).where(eq(auditEvents.action, 'agent.reset_code_sent')).orderBy(auditEvents.id),
      )
    ).at(-1)!;
    expect(JSON.stringify(audit)).not.toContain(code);
  });
});
