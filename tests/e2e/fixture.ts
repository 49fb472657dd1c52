// The one end-to-end fixture: the real server on a fresh database, Debian's Chromium, distinct clients with a CDP
// virtual authenticator, axe, the outbox and the server's database file. Every e2e file but the start-up checks uses it.
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  addVirtualAuthenticator,
  axeViolations,
  collectConsoleErrors,
  launchBrowser,
  newCustomerContext,
  type VirtualAuthenticator,
} from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

export interface OutboxMessage {
  recipient: string;
  channel: string;
  subject: string;
  body: string;
}

export interface Portal {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** `path` on the test server. */
  url(path: string): string;
  /** A browser context that per-client rate limits see as its own client (its own X-Forwarded-For). */
  newClient(options?: Parameters<typeof newCustomerContext>[1]): Promise<BrowserContext>;
  /** A new client with a page and a virtual authenticator. */
  newPage(): Promise<{ context: BrowserContext; page: Page; authenticator: VirtualAuthenticator; errors: string[] }>;
  /** Enrolls the person on that line in this page through the real UI (code from the outbox), leaving it on /account. */
  enroll(page: Page, account: { accountNumber: string; phone: string }): Promise<VirtualAuthenticator>;
  /** A new client enrolled as the person on that line (code from the outbox, passkey created), on /account. */
  enrolled(account: {
    accountNumber: string;
    phone: string;
  }): Promise<{ context: BrowserContext; page: Page; authenticator: VirtualAuthenticator; errors: string[] }>;
  /** Every message in /dev/outbox, newest first, read in a page of its own; of another server on the same data at `base`. */
  outbox(base?: string): Promise<OutboxMessage[]>;
  /** The newest one-time code sent to a recipient. */
  latestCode(recipient: string): Promise<string>;
  /** `npm run staff:invite` against this server's database: the printed one-time link. */
  inviteStaff(role: 'admin' | 'agent', name: string): string;
  /** A new client that follows a staff invite link and creates a passkey, signed in on /admin or /agent. */
  enrollStaff(link: string): Promise<{ context: BrowserContext; page: Page }>;
  axe(page: Page): Promise<string[]>;
  /**
   * Runs one SQL statement on the server's database, for states the UI cannot reach quickly (time passing, another
   * process); `?` placeholders and Date parameters on either engine (SQLite stores times as milliseconds). The rows.
   */
  sql<T = Record<string, unknown>>(statement: string, ...params: unknown[]): Promise<T[]>;
}

/** Starts the server and Chromium before the file's tests and stops both after; TRUST_PROXY=1 so clients are distinct. */
export function portalFixture(env: Record<string, string> = {}): Portal {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer({ TRUST_PROXY: '1', ...env });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = () => {
    if (!server || !browser) throw new Error('portalFixture: the server is not started yet (use it inside a test or hook)');
    return { server, browser };
  };

  const portal: Portal = {
    get server() {
      return started().server;
    },
    get browser() {
      return started().browser;
    },
    url: (path) => `${started().server.url}${path}`,
    newClient: (options) => newCustomerContext(started().browser, options),
    async newPage() {
      const context = await portal.newClient();
      const page = await context.newPage();
      const errors = collectConsoleErrors(page);
      return { context, page, authenticator: await addVirtualAuthenticator(page), errors };
    },
    async enroll(page, account) {
      const authenticator = await addVirtualAuthenticator(page);
      await page.goto(portal.url('/enroll'));
      await page.getByLabel('Account number').fill(account.accountNumber);
      await page.getByLabel('Phone number').fill(account.phone);
      await page.getByRole('button', { name: 'Send code' }).click();
      await page.getByLabel('Code').waitFor();
      await page.getByLabel('Code').fill(await portal.latestCode(account.phone));
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByRole('button', { name: 'Create passkey' }).click();
      await page.waitForURL(portal.url('/account**'));
      await page.getByRole('heading', { name: 'Your exposure' }).waitFor();
      return authenticator;
    },
    async enrolled(account) {
      const context = await portal.newClient();
      const page = await context.newPage();
      const errors = collectConsoleErrors(page);
      const authenticator = await portal.enroll(page, account);
      return { context, page, authenticator, errors };
    },
    async outbox(base = started().server.url) {
      const context = await started().browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${base}/dev/outbox`);
        return await page.getByTestId('outbox-message').evaluateAll((rows) =>
          rows.map((row) => {
            const cell = (id: string) => row.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
            return {
              recipient: cell('outbox-recipient'),
              channel: cell('outbox-channel'),
              subject: cell('outbox-subject'),
              body: cell('outbox-body'),
            };
          }),
        );
      } finally {
        await context.close();
      }
    },
    async latestCode(recipient) {
      const message = (await portal.outbox()).find((candidate) => candidate.recipient === recipient && /\b\d{6}\b/.test(candidate.body));
      const code = message && /\b(\d{6})\b/.exec(message.body)?.[1];
      if (!code) throw new Error(`no code in the messages to ${recipient}`);
      return code;
    },
    inviteStaff(role, name) {
      const { server } = started();
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/staff-invite.ts', '--role', role, '--name', name], {
        env: { ...process.env, ...server.shared, WEBAUTHN_ORIGIN: server.url, NODE_ENV: 'test' },
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(`staff:invite failed: ${result.stderr}`);
      return /(http:\/\/\S+\/staff\/enroll\/\S+)/.exec(result.stdout)![1]!;
    },
    async enrollStaff(link) {
      const { context, page } = await portal.newPage();
      await page.goto(link);
      await page.getByRole('button', { name: 'Create passkey' }).click();
      await page.waitForURL(/\/(admin|agent)$/);
      return { context, page };
    },
    axe: axeViolations,
    async sql<T>(statement: string, ...params: unknown[]) {
      const { server } = started();
      if (server.databaseUrl) {
        const client = new pg.Client({ connectionString: server.databaseUrl });
        await client.connect();
        try {
          let index = 0;
          return (
            await client.query(
              statement.replace(/\?/g, () => `$${(index += 1)}`),
              params,
            )
          ).rows as T[];
        } finally {
          await client.end();
        }
      }
      const db = new Database(server.databasePath);
      try {
        db.pragma('busy_timeout = 5000');
        const prepared = db.prepare(statement);
        const values = params.map((param) => (param instanceof Date ? param.getTime() : param));
        return prepared.reader ? (prepared.all(...values) as T[]) : (prepared.run(...values), []);
      } finally {
        db.close();
      }
    },
  };
  return portal;
}
