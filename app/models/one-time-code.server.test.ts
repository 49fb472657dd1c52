import { describe, expect, it } from 'vitest';
import { accountIdOf } from '../../tests/helpers/customers';
import { withDemoAccounts } from '../../tests/helpers/db';
import { insertCodeReplacingOlder, listLiveCodes, markCodeUsed } from './one-time-code.server';

describe('one-time code rows', () => {
  it('are used once: of two processes that both read the same live code, only the first to mark it wins', async () => {
    await withDemoAccounts();
    const accountId = await accountIdOf('100000001');
    const now = new Date();
    await insertCodeReplacingOlder({
      accountId,
      phone: '+12065550101',
      purpose: 'enroll',
      codeHash: 'test-hash',
      issuedByStaffId: null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 600_000),
      browserHash: 'browser',
    });
    const query = { accountId, phone: '+12065550101', purposes: ['enroll' as const], browserHash: 'browser', now };
    const [seenByFirst] = await listLiveCodes(query);
    const [seenBySecond] = await listLiveCodes(query); // both read it before either used it
    expect(await markCodeUsed(seenByFirst!.id, now)).toBe(true);
    expect(await markCodeUsed(seenBySecond!.id, now)).toBe(false);
    expect(await listLiveCodes(query)).toEqual([]);
  });
});
