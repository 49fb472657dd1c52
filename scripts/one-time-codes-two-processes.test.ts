// A one-time code is redeemed once, even when two processes take the same codes at the same instant.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertCodeReplacingOlder } from '../app/models/one-time-code.server';
import { prepareOneTimeCode } from '../app/services/one-time-code.server';
import { accountIdOf } from '../tests/helpers/customers';
import { withDemoAccounts } from '../tests/helpers/db';
import { racingProcess } from '../tests/helpers/race-process';

beforeAll(() => withDemoAccounts());

const redeemingProcess = (startAt: number, codesFile: string) =>
  racingProcess('tests/helpers/redeem-codes.ts', [String(startAt), codesFile]);

describe('one-time codes in two processes', () => {
  it('are each redeemed once when two processes type the same codes at the same instant', { timeout: 60_000 }, async () => {
    const accountId = await accountIdOf('100000001');
    const codes = [];
    // 400 browsers, each with its own code for the same line: enough that the two processes' passes overlap.
    for (let browser = 0; browser < 400; browser += 1) {
      const browserHash = `browser-${browser}`;
      const { code, row } = prepareOneTimeCode({ accountId, phone: '+12065550101', purpose: 'enroll', browserHash });
      await insertCodeReplacingOlder(row);
      codes.push({ accountId, phone: '+12065550101', code, browserHash });
    }
    const codesFile = path.join(process.env.DATA_DIR!, 'codes-two-processes.json');
    writeFileSync(codesFile, JSON.stringify(codes));

    const startAt = Date.now() + 3_000; // both processes have loaded by then
    const redeemed = await Promise.all([redeemingProcess(startAt, codesFile), redeemingProcess(startAt, codesFile)]);
    expect(redeemed[0]! + redeemed[1]!, `redeemed by each process: ${redeemed.join(' and ')}`).toBe(codes.length);
  });
});
