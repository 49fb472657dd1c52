import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDb, withDemoAccounts } from '../../tests/helpers/db';
import { lookUpAccount } from './agent-console.server';

const agent = { sessionId: 1, staffId: 4242, name: 'Test Agent', role: 'agent' as const };

beforeAll(() => withDemoAccounts());
afterEach(() => testDb().$client.exec("DELETE FROM imports; DELETE FROM rate_limits"));

describe('agent look-up by phone', () => {
  it('finds a demo account by any way of writing its phone', async () => {
    expect(await lookUpAccount(agent, '(206) 555-0104')).toMatchObject({ found: true });
  });

  it('says to ask for the account number while an accounts import is being applied', async () => {
    expect(await lookUpAccount(agent, '206-555-0199')).toEqual({ found: false, message: 'No account has that phone number. Check the digits with the caller.' });
    testDb().$client.exec("INSERT INTO imports (kind, file_name, file_sha256, operator, started_at, outcome) VALUES ('accounts', 'today.csv', '', 'ops', 0, 'running')");
    const answer = await lookUpAccount(agent, '206-555-0199');
    expect(answer).toMatchObject({ found: false, message: expect.stringContaining('Account data is being imported right now') });
    // An account number is unaffected by the import's phone pass.
    expect(await lookUpAccount(agent, '999999999')).toEqual({ found: false, message: 'No account has that account number. Check the digits with the caller.' });
  });
});
