import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addVirtualAuthenticator, collectConsoleErrors } from '../helpers/browser';
import { portalFixture } from './fixture';

const portal = portalFixture();
let admin: { context: BrowserContext; page: Page };
let agent: { context: BrowserContext; page: Page };

describe('staff', () => {
  it('an admin invited from the command line enrolls with a passkey; the link works only once', async () => {
    const link = portal.inviteStaff('admin', 'Dana Lopez');
    admin = await portal.enrollStaff(link);
    expect(admin.page.url()).toBe(`${portal.server.url}/admin`);
    expect(await admin.page.getByRole('heading', { level: 1 }).textContent()).toBe('Administration');
    const again = await fetch(link);
    expect(again.status).toBe(410);
  });

  it('the admin invites an agent, who enrolls and lands on the agent console', async () => {
    const errors = collectConsoleErrors(admin.page);
    await admin.page.getByLabel('Full name').fill('Sam Ortiz');
    await admin.page.getByLabel('Role').selectOption('agent');
    await admin.page.getByRole('button', { name: 'Create enrollment link' }).click();
    const link = (await admin.page.getByTestId('invite-link').textContent())!;
    agent = await portal.enrollStaff(link);
    expect(agent.page.url()).toBe(`${portal.server.url}/agent`);
    await admin.page.reload();
    expect(await admin.page.getByRole('table', { name: 'Staff who can sign in' }).textContent()).toContain('Sam Ortiz');
    expect(errors).toEqual([]);
    expect(await portal.axe(admin.page)).toEqual([]);
  });

  it('the administration page fits a phone: wide tables scroll inside their box, the page does not scroll sideways', async () => {
    await admin.page.setViewportSize({ width: 390, height: 844 });
    await admin.page.reload();
    expect(await admin.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await admin.page.setViewportSize({ width: 1280, height: 720 });
  });

  it("the agent looks up a caller, fails then passes Verify PIN, and texts a reset code to the holder's line that leads to the 24-hour reset, which the agent can cancel", async () => {
    const page = agent.page;
    const errors = collectConsoleErrors(page);
    await page.getByLabel('Account number or phone').fill('(206) 555-0101');
    await page.getByRole('button', { name: 'Look up' }).click();
    const card = page.getByRole('region', { name: 'J•••• R•••••' });
    await card.waitFor();
    const cardText = (await card.textContent())!;
    expect(cardText).toContain('•••-•••-0101');
    expect(cardText).toContain('j•••@example.com');
    expect(cardText).not.toMatch(/Jordan|Rivera|2065550101|739101/);

    await page.getByLabel('PIN the caller says').fill('111111');
    await page.getByRole('button', { name: 'Verify PIN' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('No match. 4 attempts left');
    await page.getByLabel('PIN the caller says').fill('739101');
    await page.getByRole('button', { name: 'Verify PIN' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Match: the PIN is correct.');
    expect(await portal.axe(page)).toEqual([]);

    // The card lists the people on the account with their roles and masked lines.
    const peopleTable = page.getByRole('table', { name: 'People on the account' });
    expect(await peopleTable.textContent()).toMatch(/•••-•••-0101\s*Account holder.*•••-•••-0102\s*Line user/);

    await page.getByRole('button', { name: 'Send PIN reset code' }).click();
    await expect.poll(() => page.textContent('main')).toContain("Code texted to the account holder's line •••-•••-0101, and nowhere else.");
    await expect.poll(() => page.textContent('main')).toContain('Waiting for the customer');
    expect(await page.content()).not.toMatch(/Your code is \d{6}/);

    // The customer, in their own browser, uses the code and sets a new PIN.
    const customer = await portal.newClient();
    const customerPage = await customer.newPage();
    await addVirtualAuthenticator(customerPage);
    await customerPage.goto(`${portal.server.url}/enroll`);
    await customerPage.getByRole('link', { name: 'I have a code from an agent' }).click();
    await customerPage.waitForURL(`${portal.server.url}/enroll/agent-code`); // /enroll has an "Account number" field too
    await customerPage.getByLabel('Account number').fill('100000001');
    await customerPage.getByLabel('Code').fill(await portal.latestCode('+12065550101'));
    await customerPage.getByRole('button', { name: 'Verify' }).click();
    await customerPage.getByRole('button', { name: 'Create passkey' }).click();
    await customerPage.waitForURL(`${portal.server.url}/account/pin?forgot=1`);
    await customerPage.getByLabel('New PIN', { exact: true }).fill('583920');
    await customerPage.getByLabel('Confirm new PIN').fill('583920');
    await customerPage.getByRole('button', { name: 'Start the 24-hour reset' }).click();
    await customerPage.waitForURL(`${portal.server.url}/account/pin?scheduled=1`);

    // The agent's card updates by itself, shows the reset waiting, and the agent can cancel it for the caller.
    await expect
      .poll(() => page.getByTestId('reset-row').first().textContent(), { timeout: 15_000 })
      .toMatch(/Code used .+New PIN chosen: takes effect/);
    await page.reload();
    await page.getByRole('button', { name: 'Cancel the PIN reset' }).click();
    await expect
      .poll(() => page.textContent('main'))
      .toContain('PIN reset cancelled. The PIN has not changed; the account holder was told.');
    await customerPage.goto(`${portal.server.url}/account`);
    expect(await customerPage.getByRole('button', { name: 'Cancel the PIN reset' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await customer.close();
  });

  it('keeps roles and kinds of session apart', async () => {
    // An agent cannot open /admin.
    const forbidden = await agent.page.goto(`${portal.server.url}/admin`);
    expect(forbidden!.status()).toBe(403);
    // A staff session cannot read /account.
    await agent.page.goto(`${portal.server.url}/account`);
    expect(agent.page.url()).toContain('/sign-in?redirectTo=%2Faccount');
    // A customer session cannot open /agent.
    const customer = await portal.newClient();
    const customerPage = await customer.newPage();
    await portal.enroll(customerPage, { accountNumber: '100000004', phone: '+15035550105' });
    await customerPage.goto(`${portal.server.url}/agent`);
    expect(customerPage.url()).toContain('/staff/sign-in');
    await customer.close();
  });

  it('a disabled staff member is signed out and cannot sign in again', async () => {
    await admin.page.goto(`${portal.server.url}/admin`);
    await admin.page.getByRole('button', { name: 'Disable Sam Ortiz' }).click();
    await expect.poll(() => admin.page.getByRole('table', { name: 'Staff who can sign in' }).textContent()).toContain('Disabled');

    await agent.page.goto(`${portal.server.url}/agent`);
    expect(agent.page.url()).toContain('/staff/sign-in');
    await agent.page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect.poll(() => agent.page.textContent('main')).toContain('has been disabled');
    expect(agent.page.url()).toContain('/staff/sign-in');
  });
});
