// People on the demo family account 100000009 (DESIGN section 9): the holder on 0110, an authorized user on 0111,
// line users on 0112 and 0113. Each enrolls with their own line; only the holder moves the PIN or manages people.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectConsoleErrors } from '../helpers/browser';
import { portalFixture } from './fixture';

const FAMILY = '100000009';
const HOLDER = { accountNumber: FAMILY, phone: '+15125550110' };
const AUTHORIZED = { accountNumber: FAMILY, phone: '+15125550111' };
const LINE_USER = { accountNumber: FAMILY, phone: '+15125550113' };

const portal = portalFixture();
let lineUser: { context: BrowserContext; page: Page };

/** The outbox as the tests read it: recipient, body, and the whole row's text. */
async function outbox() {
  return (await portal.outbox()).map((message) => ({ ...message, text: `${message.subject} ${message.body}` }));
}

/** A form posted by hand from the signed-in browser, as a curious person would with the browser's tools. */
async function postByHand(page: Page, path: string, form: Record<string, string>) {
  return page.request.post(`${portal.server.url}${path}`, { form, headers: { Origin: portal.server.url }, maxRedirects: 0 });
}

describe('people on an account', () => {
  it('a line user enrolls with their own line: the code went to that line only', async () => {
    lineUser = await portal.enrolled(LINE_USER);
    const messages = await outbox();
    const codes = messages.filter((message) => /Your breach-check code is \d{6}/.test(message.body));
    expect(codes.map((message) => message.recipient)).toEqual(['+15125550113']);
  });

  it('the line user reads the exposure, and the PIN step says it is the holder’s', async () => {
    const { page } = lineUser;
    const errors = collectConsoleErrors(page);
    await page.goto(`${portal.server.url}/account`);
    expect(await page.getByRole('heading', { name: 'Your exposure' }).isVisible()).toBe(true);
    const todo = page.getByRole('region', { name: 'What to do' });
    expect(await todo.textContent()).toContain('The account holder changes the account PIN');
    expect(await todo.getByRole('link', { name: 'Ask the account holder' }).isVisible()).toBe(true);
    const nav = page.getByRole('navigation', { name: 'Your account' });
    expect(await nav.getByRole('link', { name: 'Account PIN' }).isVisible()).toBe(true);
    for (const hidden of ['Change PIN', 'People', 'Statement']) expect(await nav.getByRole('link', { name: hidden }).count()).toBe(0);
    expect(await portal.axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the line user cannot change the PIN, neither on the page nor by a direct POST, and can ask the holder', async () => {
    const { page } = lineUser;
    await page.goto(`${portal.server.url}/account/pin`);
    expect(await page.getByRole('heading', { name: 'Only the account holder can change it' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Change PIN' }).count()).toBe(0);
    expect(await page.getByLabel('New PIN', { exact: true }).count()).toBe(0);
    expect(await portal.axe(page)).toEqual([]);

    for (const form of [
      { intent: 'change-pin', pin: '583920', confirmation: '583920' },
      { intent: 'start-reset', pin: '583920', confirmation: '583920' },
    ]) {
      const response = await postByHand(page, '/account/pin', form);
      expect(response.status()).toBe(403);
      expect(await response.text()).toContain('Only the account holder can change the account PIN.');
    }
    const statement = await page.request.get(`${portal.server.url}/account/statement`);
    expect(statement.status()).toBe(403);

    await page.getByRole('button', { name: 'Ask the account holder' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('We sent the account holder a message.');
    const asked = (await outbox()).filter((message) => message.body.includes('asked you to change the account PIN'));
    expect(asked.map((message) => message.recipient).sort()).toEqual(['+15125550110', 'drew@example.com']);
    for (const message of asked) {
      expect(message.body).toContain('The line user of the line ending 0113 on your account');
      expect(message.body).not.toMatch(/https?:|www\./);
    }
  });

  it('an authorized user cannot change the PIN either, but may print the statement', async () => {
    const { page, context } = await portal.enrolled(AUTHORIZED);
    await page.goto(`${portal.server.url}/account/pin`);
    expect(await page.getByRole('button', { name: 'Change PIN' }).count()).toBe(0);
    const response = await postByHand(page, '/account/pin', { intent: 'change-pin', pin: '583920', confirmation: '583920' });
    expect(response.status()).toBe(403);
    expect((await page.request.get(`${portal.server.url}/account/statement`)).status()).toBe(200);
    await context.close();
  });

  it('the holder sees the people on the account and removes the line user’s access: their open session is signed out on its next request', async () => {
    const { page, context } = await portal.enrolled(HOLDER);
    const errors = collectConsoleErrors(page);
    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People on this account' }).waitFor();
    const cards = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
    expect(await cards.allTextContents()).toEqual([
      expect.stringMatching(/^Account holder, line •••-•••-0110 \(you\)Passkeys1/),
      expect.stringMatching(/^Authorized user, line •••-•••-0111Passkeys1/),
      expect.stringMatching(/^Line user, line •••-•••-0112PasskeysNone set upLast sign-inNever$/),
      expect.stringMatching(/^Line user, line •••-•••-0113Passkeys1/),
    ]);
    expect(await portal.axe(page)).toEqual([]);

    const lineCard = cards.filter({ hasText: '0113' });
    await lineCard.getByRole('button', { name: 'Remove access' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Access removed. Sessions signed out: 1. Passkeys removed: 1.');
    await expect.poll(() => lineCard.getByRole('button', { name: 'Restore access' }).isVisible()).toBe(true);

    await lineUser.page.goto(`${portal.server.url}/account`);
    expect(lineUser.page.url()).toContain('/sign-in?redirectTo=%2Faccount');
    const told = (await outbox()).find((message) => message.text.includes('Your access to the breach-check portal was removed'));
    expect(told?.recipient).toBe('+15125550113');
    expect(told?.body).not.toMatch(/https?:|www\./);
    expect(errors).toEqual([]);
    await context.close();
  });
});
