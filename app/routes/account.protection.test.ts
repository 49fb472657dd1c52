// Port-out and SIM protection through the route and the provisioning queue, against a real local HTTP server standing
// in for the carrier (tests/helpers/provisioning-server.ts), on the family account 100000009: the holder on 0110, an
// authorized user on 0111, line users on 0112 and 0113. Runs on SQLite and, under TEST_ENGINE=postgres, PostgreSQL.
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '~/config.server';
import { opened } from '~/models/outbox.server';
import { deliverDueProvisioning, MAX_ATTEMPTS, retryDelayMs } from '~/services/provisioning.server';
import { getCustomerSession, markStepUp } from '~/services/session.server';
import { auditEvents, outbox, passkeys, protections, provisioningRequests } from '../../db/tables';
import { customerWithPasskey, signedInBrowser } from '../../tests/helpers/customers';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { provisioningServerForThisFile } from '../../tests/helpers/provisioning-env';
import type { ProvisioningServer } from '../../tests/helpers/provisioning-server';
import { args, saidBy, type CookieJar } from '../../tests/helpers/requests';
import { action, loader } from './account.protection';

const FAMILY = '100000009';
let server: ProvisioningServer;
const people = {} as Record<'holder' | 'authorized' | 'line', { browser: CookieJar; customerId: number }>;

async function signIn(phone: string, stepUp: boolean) {
  const { customer } = await customerWithPasskey(FAMILY, undefined, phone);
  const browser = await signedInBrowser(customer.id);
  if (stepUp) await markStepUp((await getCustomerSession(browser.request('/account')))!);
  return { browser, customerId: customer.id };
}

const provisioning = provisioningServerForThisFile();

beforeAll(async () => {
  server = provisioning();
  await withDemoAccounts();
  people.holder = await signIn('+15125550110', false);
  people.authorized = await signIn('+15125550111', true);
  people.line = await signIn('+15125550112', true);
});

beforeEach(() => server.ok());

type Person = keyof typeof people;

function post(person: Person, fields: Record<string, string>) {
  const { browser } = people[person];
  return action(args(browser.form('/account/protection', fields), browser));
}

async function refused(person: Person, fields: Record<string, string>): Promise<{ status: number; text: string }> {
  const thrown = await post(person, fields).then(
    () => null,
    (error: unknown) => error,
  );
  expect(thrown, 'refused with a Response').toBeInstanceOf(Response);
  return { status: (thrown as Response).status, text: await saidBy(thrown as Response) };
}

async function stateOf(person: Person, target: string, lock: 'port-out' | 'sim') {
  const { browser } = people[person];
  const page = await loader(args(browser.request('/account/protection'), browser));
  return page.targets.find((row) => row.target === target)!.locks.find((row) => row.lock === lock)!;
}

const requestsFor = (line: string | null, lock: 'port-out' | 'sim') =>
  testDatabase().all((db) =>
    db
      .select()
      .from(provisioningRequests)
      .where(
        and(line === null ? eq(provisioningRequests.lock, lock) : eq(provisioningRequests.line, line), eq(provisioningRequests.lock, lock)),
      )
      .orderBy(provisioningRequests.createdAt),
  );

const messages = async () => (await testDatabase().all((db) => db.select().from(outbox).orderBy(outbox.id))).map(opened);
const clearOutbox = () => testDatabase().run((db) => db.delete(outbox));

/** Runs delivery passes as if time moved on by each retry's wait, until nothing is pending or `passes` ran. */
async function deliverOverTime(passes: number, start = new Date()): Promise<void> {
  let now = start;
  for (let pass = 1; pass <= passes; pass++) {
    await deliverDueProvisioning(now);
    now = new Date(Math.max(Date.now(), now.getTime()) + retryDelayMs(pass) + 1); // a retry is due its wait after the pass
  }
}

describe('port-out and SIM protection', () => {
  it('the holder turns on port-out protection for the whole account: pending until the signed 2xx, then on, announced to every line', async () => {
    await clearOutbox();
    const answer = (await post('holder', { intent: 'on', lock: 'port-out', target: 'account' })) as unknown as {
      init: ResponseInit | null;
    };
    expect(answer.init?.status).toBe(202);
    expect((await stateOf('holder', 'account', 'port-out')).state).toBe('pending');
    expect(server.calls).toHaveLength(0); // nothing is on before provisioning answered

    await deliverDueProvisioning();
    const [call] = server.calls;
    expect(call).toMatchObject({ signatureValid: true, status: 200 });
    expect(call!.idempotencyKey).toBe(call!.body.id);
    expect(call!.body).toEqual({ id: call!.id, accountNumber: FAMILY, line: null, lock: 'port-out', state: 'on', requestedBy: 'holder' });
    const on = await stateOf('holder', 'account', 'port-out');
    expect(on.state).toBe('on');
    expect(on.confirmedAt).not.toBeNull();

    const notices = await messages();
    expect(notices.map((message) => message.recipient).sort()).toEqual(
      ['+15125550110', '+15125550111', '+15125550112', '+15125550113', 'drew@example.com'].sort(),
    );
    for (const notice of notices) expect(notice.body).not.toMatch(/https?:|www\./);
    const audit = await testDatabase().all((db) =>
      db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.action, 'protection.applied')),
    );
    expect(audit).toHaveLength(1);
  });

  it('a second click, or a second browser, while it is on its way queues nothing more', async () => {
    await post('holder', { intent: 'on', lock: 'sim', target: 'account' });
    await post('authorized', { intent: 'on', lock: 'sim', target: 'account' });
    expect(await requestsFor(null, 'sim')).toHaveLength(1);
    await deliverDueProvisioning();
    await post('holder', { intent: 'on', lock: 'sim', target: 'account' });
    expect(await requestsFor(null, 'sim')).toHaveLength(1); // already on: nothing to send
  });

  it('retries after 500s and a timeout with the same Idempotency-Key, never on before the 2xx, and ends on', async () => {
    server.failNext(1, 500);
    server.failNext(1, 'timeout');
    server.failNext(1, 503);
    const before = server.calls.length;
    await post('line', { intent: 'on', lock: 'sim', target: '+15125550112' });
    let now = new Date();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await deliverDueProvisioning(now);
      expect((await stateOf('line', '+15125550112', 'sim')).state, `after failed attempt ${attempt}`).toBe('pending');
      now = new Date(Math.max(Date.now(), now.getTime()) + retryDelayMs(attempt) + 1);
    }
    await deliverDueProvisioning(now);
    expect((await stateOf('line', '+15125550112', 'sim')).state).toBe('on');
    const calls = server.calls.slice(before);
    expect(calls.map((call) => call.status)).toEqual([500, 0, 503, 200]);
    expect(new Set(calls.map((call) => call.idempotencyKey)).size).toBe(1);
    expect(calls.every((call) => call.signatureValid)).toBe(true);
  }, 20_000);

  it('failing for good ends failed: the page says so, and the holder is told without a link', async () => {
    server.failAlways();
    await clearOutbox();
    await post('authorized', { intent: 'on', lock: 'port-out', target: '+15125550111' });
    await deliverOverTime(MAX_ATTEMPTS);
    const failed = await stateOf('authorized', '+15125550111', 'port-out');
    expect(failed).toMatchObject({ state: 'failed', change: 'on', confirmed: 'off', mayTurnOn: true });
    const [request] = await requestsFor('+15125550111', 'port-out');
    expect(request).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    const toHolder = (await messages()).filter((message) => message.subject === 'A lock on your account could not be changed');
    expect(toHolder.map((message) => message.recipient).sort()).toEqual(['+15125550110', 'drew@example.com']);
    expect(toHolder[0]!.body).toContain('It is not on');
  });

  it('a line user turns on protection for their own line only: another line and the whole account are refused, and nothing is queued', async () => {
    const other = await refused('line', { intent: 'on', lock: 'sim', target: '+15125550113' });
    expect(other).toEqual({ status: 403, text: 'You can turn on protection for your own line only.' });
    const account = await refused('line', { intent: 'on', lock: 'sim', target: 'account' });
    expect(account.status).toBe(403);
    expect(await requestsFor('+15125550113', 'sim')).toHaveLength(0);
    const page = await loader(args(people.line.browser.request('/account/protection'), people.line.browser));
    const offered = page.targets.filter((target) => target.locks.some((lock) => lock.mayTurnOn)).map((target) => target.target);
    expect(offered).toEqual(['+15125550112']);
  });

  it('only the holder turns a lock off, and only after a fresh passkey check', async () => {
    const authorized = await refused('authorized', { intent: 'off', lock: 'port-out', target: 'account' });
    expect(authorized).toEqual({ status: 403, text: 'Only the account holder can turn a protection off.' });
    const line = await refused('line', { intent: 'off', lock: 'sim', target: '+15125550112' });
    expect(line.status).toBe(403);
    // The holder's session has no recent passkey check: sent to confirm first.
    const stale = await post('holder', { intent: 'off', lock: 'port-out', target: 'account' }).then(
      () => null,
      (error: unknown) => error as Response,
    );
    expect(stale?.status).toBe(302);
    expect(stale?.headers.get('Location')).toMatch(/^\/account\/confirm\?redirectTo=/);
    expect((await stateOf('holder', 'account', 'port-out')).state).toBe('on');

    await markStepUp((await getCustomerSession(people.holder.browser.request('/account')))!);
    // A passkey set up today (as one enrolled with a texted code by someone holding the line would be) cannot take a lock off.
    const fresh = await refused('holder', { intent: 'off', lock: 'port-out', target: 'account' });
    expect(fresh.status).toBe(403);
    expect(fresh.text).toContain('A passkey was set up on your sign-in in the last 24 hours');
    await testDatabase().run((db) =>
      db
        .update(passkeys)
        .set({ createdAt: new Date(Date.now() - 2 * 24 * 3_600_000) })
        .where(eq(passkeys.customerId, people.holder.customerId)),
    );
    await post('holder', { intent: 'off', lock: 'port-out', target: 'account' });
    expect((await stateOf('holder', 'account', 'port-out')).state).toBe('pending'); // still on at the carrier until confirmed
    await deliverDueProvisioning();
    expect((await stateOf('holder', 'account', 'port-out')).state).toBe('off');
    const row = await testDatabase().get((db) =>
      db
        .select()
        .from(protections)
        .where(and(eq(protections.line, ''), eq(protections.lock, 'port-out'))),
    );
    expect(row).toMatchObject({ confirmed: 'off', pending: null });
  });

  it('a redirect from provisioning is not a yes: the lock stays pending and the call is retried', async () => {
    const calls = server.calls.length;
    server.failNext(1, 302);
    await post('authorized', { intent: 'on', lock: 'sim', target: '+15125550111' });
    await deliverDueProvisioning();
    expect(server.calls.slice(calls).map((call) => call.status)).toEqual([302]);
    expect((await stateOf('authorized', '+15125550111', 'sim')).state).toBe('pending');
  });

  it('a process without PROVISIONING_URL outside demo mode confirms nothing', async () => {
    await post('authorized', { intent: 'on', lock: 'port-out', target: '+15125550113' });
    const saved = { url: process.env.PROVISIONING_URL, secret: process.env.PROVISIONING_SECRET, demo: process.env.DEMO_MODE };
    delete process.env.PROVISIONING_URL;
    delete process.env.PROVISIONING_SECRET;
    process.env.DEMO_MODE = 'false';
    resetConfigForTests();
    try {
      await deliverDueProvisioning(new Date(Date.now() + 120_000));
      expect((await stateOf('authorized', '+15125550113', 'port-out')).state).toBe('pending');
    } finally {
      Object.assign(process.env, { PROVISIONING_URL: saved.url, PROVISIONING_SECRET: saved.secret, DEMO_MODE: saved.demo });
      resetConfigForTests();
    }
  });

  it('a line user sees the whole numbers of their own line only', async () => {
    const page = await loader(args(people.line.browser.request('/account/protection'), people.line.browser));
    expect(page.targets.map((target) => target.target)).toEqual(['account', 'ending-0110', 'ending-0111', '+15125550112', 'ending-0113']);
  });

  it('refuses a made-up lock or target with a 400 and a sentence, not a 500', async () => {
    const answer = (await post('holder', { intent: 'on', lock: 'everything', target: 'account' })) as unknown as {
      init: ResponseInit | null;
      data: { errors?: { form?: string; fields: Record<string, string> } };
    };
    expect(answer.init?.status).toBe(400);
    expect(answer.data.errors?.fields.lock).toBeTruthy();
    const notOnAccount = await refused('holder', { intent: 'on', lock: 'sim', target: '+12065550101' });
    expect(notOnAccount).toEqual({ status: 404, text: 'That line is not on your account.' });
  });
});
