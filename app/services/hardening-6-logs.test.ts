// Finding 6: personal data reached the logs. drizzle's errors carry every bound value, the enrollment path logged
// error.message (recipients and the plaintext code of a failed outbox insert), entry.server logged the message and
// stack of any error, and SMTP errors that repeat the recipient were stored and logged.
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleError } from '~/entry.server';
import { action as enrollAction } from '~/routes/enroll';
import { accounts, outbox, rateLimits } from '../../db/tables';
import { plainErrors } from '../../server/error-handler';
import { onPostgres, rawSql, testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { args, CookieJar } from '../../tests/helpers/requests';
import { log, redactPath } from './logger.server';
import { deliverPendingMessages, notifyHolder } from './notifier.server';
import { smtpTransport } from './notify-transports.server';

beforeAll(() => withDemoAccounts());
afterEach(async () => {
  vi.restoreAllMocks();
  await rawSql(onPostgres() ? sql`DROP TRIGGER IF EXISTS outbox_refuses ON outbox` : sql`DROP TRIGGER IF EXISTS outbox_refuses`);
  await testDatabase().run((db) => db.delete(outbox));
  await testDatabase().run((db) => db.delete(rateLimits));
});

/** Makes the database refuse every outbox insert, as a full disk or a broken constraint would. */
async function refuseOutboxInserts(): Promise<void> {
  if (!onPostgres()) {
    await rawSql(sql`CREATE TRIGGER outbox_refuses BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox refused'); END;`);
    return;
  }
  await rawSql(
    sql`CREATE OR REPLACE FUNCTION outbox_refuses() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox refused'; END; $$`,
  );
  await rawSql(sql`CREATE TRIGGER outbox_refuses BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_refuses()`);
}

/** Everything written to stdout and stderr while `work` runs. */
async function captured(work: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  for (const stream of [process.stdout, process.stderr])
    vi.spyOn(stream, 'write').mockImplementation((chunk) => lines.push(String(chunk)) > 0);
  try {
    await work();
  } finally {
    vi.restoreAllMocks();
  }
  return lines.join('');
}

const PERSONAL = /\+?1?206555\d{4}|jordan@|100000001|\b\d{6}\b.*code|code is \d{6}/i;

describe('finding 6: no personal data in logs', () => {
  it('a failed outbox insert on the enrollment path logs the error class only, never the code or the recipient', async () => {
    await refuseOutboxInserts();
    const browser = new CookieJar();
    const request = browser.form('/enroll', { intent: 'send-code', accountNumber: '100000001', phone: '(206) 555-0101' });
    let thrown: unknown;
    const output = await captured(async () => {
      thrown = await enrollAction(args(request, browser)).catch((error) => error);
      // Remix hands an action's unexpected error to entry.server's handleError.
      handleError(thrown, { request: browser.request('/enroll') });
    });
    expect(thrown).toBeInstanceOf(Error);
    expect(output).toContain('"msg":"unhandled error"');
    expect(output).not.toMatch(PERSONAL);
    expect(output).not.toMatch(/\bat .+\(.+:\d+:\d+\)/); // no stack
  });

  it("drizzle's query errors, which quote every bound value, are logged by class and code only", async () => {
    const driverError = Object.assign(new Error('outbox refused'), { code: 'SQLITE_CONSTRAINT_TRIGGER' });
    const error = new DrizzleQueryError(
      'insert into "outbox" ("recipient", "body") values (?, ?)',
      ['+12065550101', 'Your breach-check code is 482913.'],
      driverError,
    );
    expect(error.message).toContain('+12065550101'); // what used to be logged
    const output = await captured(async () => handleError(error, { request: new Request('http://localhost:3000/enroll') }));
    expect(JSON.parse(output)).toMatchObject({
      level: 'error',
      msg: 'unhandled error',
      path: '/enroll',
      error: 'DrizzleQueryError',
      code: 'SQLITE_CONSTRAINT_TRIGGER',
    });
    expect(output).not.toMatch(PERSONAL);
  });

  it('an SMTP error that repeats the recipient is neither stored nor logged with it', async () => {
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(address, _session, callback) {
        const refusal = Object.assign(new Error(`No such user here: ${address.address}`), { responseCode: 550 });
        callback(refusal);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    try {
      const transport = smtpTransport({
        url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
        from: 'Portal <p@example.com>',
      });
      const { id: accountId } = (await testDatabase().get((db) =>
        db.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, '100000001')),
      ))!;
      await notifyHolder(accountId, { key: 'passkeyRemoved' });
      const output = await captured(() =>
        deliverPendingMessages(new Date(), {
          send: (message) => (message.channel === 'email' ? transport.send(message) : Promise.resolve()),
        }),
      );
      const stored = (await testDatabase().get((db) =>
        db.select({ lastError: outbox.lastError }).from(outbox).where(eq(outbox.channel, 'email')),
      ))!;
      expect(stored.lastError).toMatch(/^Error/);
      expect(stored.lastError).not.toContain('jordan');
      expect(output).toContain('notice delivery failed; will retry');
      expect(output).not.toContain('jordan@');
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });

  it('an error Express raises itself is logged by its class, not its message', async () => {
    const handler = plainErrors({ log, redactPath });
    const response = { headersSent: false, status: () => response, type: () => response, send: () => response };
    const output = await captured(async () => {
      handler(
        new Error('failed for jordan@example.com, account 100000001'),
        { path: '/account/100000001' } as never,
        response as never,
        () => {},
      );
    });
    expect(output).toContain('"msg":"request failed"');
    expect(output).not.toMatch(PERSONAL);
  });
});
