// Two portal processes on one database, as two machines behind a load balancer would be: what one process did, the
// other knows, because every process-wide rule lives in the database (DESIGN section 11).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from '../helpers/requests';
import { startServer, type RunningServer } from '../helpers/server';
import { portalFixture } from './fixture';

// Jordan Rivera, holder of the demo account 100000001 (old demo PIN 739101).
const JORDAN = { accountNumber: '100000001', phone: '+12065550101' };

const portal = portalFixture();
let other: RunningServer;

beforeAll(async () => {
  other = await startServer({ TRUST_PROXY: '1', DATA_DIR: portal.server.dataDir });
});
afterAll(async () => {
  await other?.stop();
});

/** A plain HTTP client with its own address and cookies (a CookieJar's), for requests sent to either process. */
class Client {
  private readonly jar = new CookieJar();
  constructor(readonly address: string) {}

  async post(server: RunningServer, path: string, fields: Record<string, string>): Promise<Response> {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        Origin: server.url,
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Forwarded-For': this.address,
        Cookie: [...this.jar.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      },
      body: new URLSearchParams(fields),
    });
    return this.jar.take(response);
  }

  static async from(context: BrowserContext, address: string): Promise<Client> {
    const client = new Client(address);
    for (const cookie of await context.cookies()) client.jar.cookies.set(cookie.name, cookie.value);
    return client;
  }
}

describe('two processes, one database', () => {
  it('a customer signed in through one process is signed in on the other, and a PIN change through one shows on the other', async () => {
    const { context, page } = await portal.enrolled(JORDAN);
    await page.goto(`${other.url}/account`);
    await page.getByRole('heading', { name: 'Your exposure' }).waitFor();
    const checklist = () => page.getByRole('region', { name: 'What to do' }).textContent();
    expect(await checklist()).toMatch(/To do\s*Change your account PIN/); // and the other process has rendered it once

    await page.goto(portal.url('/account/pin'));
    await page.getByLabel('Current PIN').fill('739101');
    await page.getByLabel('New PIN', { exact: true }).fill('583920');
    await page.getByLabel('Confirm new PIN').fill('583920');
    await page.getByRole('button', { name: 'Change PIN' }).click();
    await page.waitForURL(/\/account\/pin\?done=1/);

    await page.goto(`${other.url}/account`);
    expect(await checklist()).toMatch(/Done on \w+ \d+, \d{4}\s*Change your account PIN/);
    await context.close();
  });

  it('a rate limit counts the requests sent to both processes', async () => {
    const client = new Client('198.51.100.7');
    const details = { intent: 'send-code', accountNumber: '100000002', phone: '+12065550103' };
    const statuses: number[] = [];
    for (const server of [portal.server, other, portal.server, other])
      statuses.push((await client.post(server, '/enroll', details)).status);
    expect(statuses.slice(0, 3)).not.toContain(429);
    expect(statuses[3]).toBe(429); // three requests an hour for the same details, wherever they arrived
  });

  it('a one-time code sent to both processes at the same instant is redeemed once', async () => {
    const client = new Client('198.51.100.8');
    const asked = await client.post(portal.server, '/enroll', { intent: 'send-code', accountNumber: '100000003', phone: '+12065550104' });
    expect(asked.status).toBeLessThan(400);
    const code = await portal.latestCode('+12065550104');
    const answers = await Promise.all([portal.server, other].map((server) => client.post(server, '/enroll', { intent: 'verify', code })));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses, 'one redirect to the passkey step, one refusal').toEqual([302, 400]);
    const [used] = await portal.sql<{ n: number | string }>(
      "SELECT count(*) AS n FROM one_time_codes WHERE used_at IS NOT NULL AND phone = '+12065550104'",
    );
    expect(Number(used!.n)).toBe(1);
  });

  it('killing one process under load loses no write it answered, the other keeps serving, and the audit chain verifies', async () => {
    const admin = await portal.enrollStaff(portal.inviteStaff('admin', 'Avery Admin'));
    const client = await Client.from(admin.context, '198.51.100.9');
    const answered: string[] = [];
    let stopped = false;
    let sent = 0;
    const load = async (server: RunningServer) => {
      while (!stopped) {
        const name = `Load ${server.port}-${(sent += 1)}`;
        try {
          const response = await client.post(server, '/admin', { intent: 'invite', name, role: 'agent' });
          if (response.status === 200) answered.push(name);
          else expect.fail(`an invite was answered ${response.status}`);
        } catch {
          if (server === other) throw new Error('the surviving process stopped answering');
          await sleep(20); // the killed process: its connections are refused from now on
        }
      }
    };
    const running = [portal.server, portal.server, other, other].map(load);
    await sleep(1500);
    const beforeKill = answered.length;
    await portal.server.kill();
    const afterKill = answered.length;
    await sleep(1500);
    stopped = true;
    await Promise.all(running);

    expect(beforeKill).toBeGreaterThan(10);
    expect(answered.length, 'the other process went on answering').toBeGreaterThan(afterKill + 5);
    const stored = new Set((await portal.sql<{ name: string }>('SELECT name FROM staff_invites')).map((row) => row.name));
    expect(answered.filter((name) => !stored.has(name))).toEqual([]);

    const verify = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
      env: { ...process.env, ...portal.server.shared, NODE_ENV: 'test' },
      encoding: 'utf8',
    });
    expect(`${verify.stdout}${verify.stderr}`).toMatch(/^Audit log intact: \d+ events/m);
    expect(verify.status).toBe(0);
  });
});

describe('outbox delivery with two processes', () => {
  const received: string[] = [];
  const gateway = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    received.push((JSON.parse(Buffer.concat(chunks).toString()) as { body: string }).body);
    await sleep(600); // a slow gateway: one process alone would need longer than the 5 s between passes, so both deliver at once
    response.writeHead(202).end();
  });
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    gateway.listen(0, '127.0.0.1');
    await once(gateway, 'listening');
    const env = { NOTIFY_TRANSPORT: 'webhook', SMS_WEBHOOK_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms` };
    servers.push(await startServer(env));
    servers.push(await startServer({ ...env, DATA_DIR: servers[0]!.dataDir }));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    gateway.close();
  });

  it('sends each queued message once, whichever process picks it up', { timeout: 60_000 }, async () => {
    const COUNT = 300;
    const queue = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/queue-messages.ts', String(COUNT)], {
      env: { ...process.env, ...servers[0]!.shared, NODE_ENV: 'test' },
      stdio: 'inherit',
    });
    expect((await once(queue, 'exit'))[0]).toBe(0);
    // Both processes' delivery loops run every few seconds and take a batch at a time until none is due.
    await expect.poll(() => received.filter((body) => body.startsWith('Delivery test')).length, { timeout: 45_000 }).toBe(COUNT);
    await sleep(6000); // one more pass of both loops: nothing is sent a second time
    const deliveries = received.filter((body) => body.startsWith('Delivery test'));
    expect(deliveries.length).toBe(COUNT);
    expect(new Set(deliveries).size).toBe(COUNT);
  });
});
