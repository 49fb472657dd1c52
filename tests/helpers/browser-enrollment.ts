// Drives the real enrollment UI: account number + phone, the code from /dev/outbox, a passkey on the virtual authenticator.
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { addVirtualAuthenticator, type VirtualAuthenticator } from './browser';
import type { RunningServer } from './server';

/** The newest one-time code sent to a recipient, read from /dev/outbox. */
export async function latestCode(context: BrowserContext, server: RunningServer, recipient: string): Promise<string> {
  const outbox = await context.newPage();
  try {
    await outbox.goto(`${server.url}/dev/outbox`);
    const message = outbox
      .getByTestId('outbox-message')
      .filter({ has: outbox.getByTestId('outbox-recipient').getByText(recipient, { exact: true }) });
    const body = await message.first().getByTestId('outbox-body').textContent();
    const code = /\b(\d{6})\b/.exec(body ?? '')?.[1];
    if (!code) throw new Error(`no code in the latest message to ${recipient}: ${body}`);
    return code;
  } finally {
    await outbox.close();
  }
}

/** Enrolls a demo account in this page and leaves it signed in on /account. */
export async function enrollCustomer(
  page: Page,
  server: RunningServer,
  account: { accountNumber: string; phone: string },
): Promise<VirtualAuthenticator> {
  const authenticator = await addVirtualAuthenticator(page);
  await page.goto(`${server.url}/enroll`);
  await page.getByLabel('Account number').fill(account.accountNumber);
  await page.getByLabel('Phone number').fill(account.phone);
  await page.getByRole('button', { name: 'Send code' }).click();
  await page.getByLabel('Code').waitFor();
  await page.getByLabel('Code').fill(await latestCode(page.context(), server, account.phone));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('button', { name: 'Create passkey' }).click();
  await page.waitForURL(`${server.url}/account**`);
  await page.getByRole('heading', { name: 'Your exposure' }).waitFor();
  return authenticator;
}

/** Runs SQL against the server's database file, for setting up states the UI cannot reach quickly (e.g. time passing). */
export function withServerDb<T>(server: RunningServer, work: (db: Database.Database) => T): T {
  const db = new Database(server.databasePath);
  try {
    db.pragma('busy_timeout = 5000');
    return work(db);
  } finally {
    db.close();
  }
}
