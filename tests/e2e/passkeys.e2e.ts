// Passkeys end to end in Chromium with the CDP virtual authenticator: enroll with a code from the outbox, sign in
// (autofill and button), step-up, add / rename / remove passkeys, sign out another session; axe and keyboard use.
import type { Page, Route } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addVirtualAuthenticator, type VirtualAuthenticator } from '../helpers/browser';
import { portalFixture } from './fixture';

const portal = portalFixture();
let page: Page;
let authenticator: VirtualAuthenticator;
let errors: string[];

beforeAll(async () => {
  ({ page, authenticator, errors } = await portal.newPage());
});

const url = (path: string) => portal.url(path);
const query = <T>(sql: string, ...params: unknown[]): Promise<T[]> => portal.sql<T>(sql, ...params);

async function lastSignInVia(): Promise<string | undefined> {
  const [row] = await query<{ details: string | { via: string } }>(
    "SELECT details FROM audit_events WHERE action = 'sign_in.succeeded' ORDER BY id DESC LIMIT 1",
  );
  if (!row) return undefined;
  return (typeof row.details === 'string' ? JSON.parse(row.details) : row.details).via; // text on SQLite, jsonb on PostgreSQL
}

async function signOutFromHeader(target: Page) {
  await target.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
  await target.waitForURL(url('/'));
  expect(await target.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);
}

describe('passkeys end to end', () => {
  it('enrolls a demo account with the code from the outbox, keyboard only, and lands signed in on /account', async () => {
    await page.goto(url('/enroll'));
    await page.waitForLoadState('networkidle');
    expect(await portal.axe(page)).toEqual([]);
    await page.getByLabel('Account number').focus();
    await page.keyboard.type('100 000 001');
    await page.keyboard.press('Tab');
    await page.keyboard.type('(206) 555-0101');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send code');
    await page.keyboard.press('Enter');
    await page.getByLabel('Code').waitFor();
    expect(await page.getByText('If that phone number is a line on the account, we texted a code to it.').isVisible()).toBe(true);
    expect(await portal.axe(page)).toEqual([]);

    await page.getByLabel('Code').fill('12345x');
    await page.getByLabel('Code').press('Enter');
    await page.getByText('The code is 6 digits').waitFor();
    expect(await page.getByLabel('Code').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Code').inputValue()).toBe('12345x'); // nothing typed is lost

    await page.getByLabel('Code').fill(await portal.latestCode('+12065550101'));
    await page.getByLabel('Code').press('Enter');
    const create = page.getByRole('button', { name: 'Create passkey' });
    await create.waitFor();
    await page.waitForLoadState('networkidle');
    expect(await create.isEnabled()).toBe(true);
    expect(await portal.axe(page)).toEqual([]);
    await create.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(url('/account?welcome=1'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your exposure');
    expect(await page.getByText('Your passkey is set up', { exact: false }).isVisible()).toBe(true);
    expect(await authenticator.credentials()).toHaveLength(1);
    const [notice] = await query<{ n: number | string }>(
      "SELECT count(*) AS n FROM outbox WHERE subject = 'A passkey was added to your account'",
    );
    expect(Number(notice!.n)).toBeGreaterThan(0);
    await signOutFromHeader(page);
  });

  it('signs in through passkey autofill: the conditional request starts on page load, no click needed', async () => {
    // Headless Chromium shows no autofill list; with automatic presence simulation the virtual authenticator
    // answers the pending conditional request itself, which is the path a picked autofill entry takes.
    await page.goto(url('/sign-in'));
    await page.waitForURL(url('/account'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your exposure');
    expect(await lastSignInVia()).toBe('autofill');
    await signOutFromHeader(page);
  });

  it('signs in with the button (keyboard) and comes back to the page that asked', async () => {
    // Hold the page-load (autofill) options request, so only the button's ceremony can run.
    let held: Route | null = null;
    await page.route('**/auth/passkey/options', async (route) => {
      if (!held) held = route;
      else await route.continue();
    });
    await page.goto(url('/account/sessions'));
    await page.waitForURL(url('/sign-in?redirectTo=%2Faccount%2Fsessions'));
    const button = page.getByRole('button', { name: 'Sign in with a passkey' });
    await page.waitForFunction(() => !document.querySelector('main button[disabled]'));
    expect(await portal.axe(page)).toEqual([]);
    expect(await page.getByRole('link', { name: 'Set up a passkey' }).getAttribute('href')).toBe('/enroll');
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(url('/account/sessions'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your sessions');
    expect(await lastSignInVia()).toBe('button');
    await page.unroute('**/auth/passkey/options');
  });

  it('adds a second passkey after a step-up, renames one and removes one, but never the last', async () => {
    await query('UPDATE sessions SET step_up_at = NULL'); // as if the sign-in was more than 5 minutes ago
    await page.goto(url('/account/passkeys'));
    await page.waitForLoadState('networkidle');
    expect(await portal.axe(page)).toEqual([]);
    expect(
      await page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { level: 2 }) })
        .count(),
    ).toBe(1);

    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.waitForURL(url('/account/confirm?redirectTo=%2Faccount%2Fpasskeys'));
    await page.getByRole('button', { name: 'Confirm with a passkey' }).click();
    await page.waitForURL(url('/account/passkeys'));

    // A second device: this authenticator keeps one passkey per account, so it forgets the first one now.
    await authenticator.cdp.send('WebAuthn.clearCredentials', { authenticatorId: authenticator.authenticatorId });
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.waitForURL(url('/account/passkeys?added=1'));
    expect(await page.getByText('Passkey added.', { exact: false }).isVisible()).toBe(true);
    const cards = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
    expect(await cards.count()).toBe(2);
    expect(await cards.first().getByText('This device only').isVisible()).toBe(true);
    expect(await cards.nth(1).getByText('Not used yet').isVisible()).toBe(true);

    const older = cards.first();
    await older.getByLabel('New name').fill('   ');
    await older.getByRole('button', { name: 'Rename' }).click();
    await older.getByText('Give the passkey a name').waitFor();
    expect(await older.getByLabel('New name').getAttribute('aria-invalid')).toBe('true');
    await older.getByLabel('New name').fill('Old phone');
    await older.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('heading', { level: 2, name: 'Old phone' }).waitFor();

    await cards.filter({ hasText: 'Old phone' }).getByRole('button', { name: 'Remove' }).click();
    await page.getByText('Passkey removed.', { exact: false }).waitFor();
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(1);
    await cards.first().getByRole('button', { name: 'Remove' }).click();
    await page.getByText('This is your only passkey', { exact: false }).waitFor();
    expect(await cards.count()).toBe(1);
    expect(await page.getByRole('heading', { level: 2, name: 'Old phone' }).count()).toBe(0);
  });

  it('signs out another session from /account/sessions', async () => {
    const other = await portal.browser.newContext();
    const otherPage = await other.newPage();
    const otherAuthenticator = await addVirtualAuthenticator(otherPage);
    const {
      credentials: [credential],
    } = await authenticator.cdp.send('WebAuthn.getCredentials', { authenticatorId: authenticator.authenticatorId });
    await otherAuthenticator.cdp.send('WebAuthn.addCredential', {
      authenticatorId: otherAuthenticator.authenticatorId,
      credential: credential!,
    });
    await otherPage.goto(url('/sign-in'));
    await otherPage.waitForURL(url('/account'));

    await page.goto(url('/account/sessions'));
    await page.waitForLoadState('networkidle');
    expect(await portal.axe(page)).toEqual([]);
    const rows = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Sign out' }) });
    expect(await rows.count()).toBe(2);
    expect(await rows.filter({ hasText: 'This device' }).count()).toBe(1);
    await rows.filter({ hasNotText: 'This device' }).getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('That session is signed out.').waitFor();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);

    await otherPage.goto(url('/account/passkeys'));
    await otherPage.waitForURL(url('/sign-in?redirectTo=%2Faccount%2Fpasskeys'));
    await other.close();
    // Refusals above (wrong code, missing step-up, empty name, last passkey) are 4xx answers Chrome logs;
    // anything else (a CSP violation, a script error) is a failure.
    expect(errors.filter((error) => !/status of 40[03] \((Bad Request|Forbidden)\)/.test(error))).toEqual([]);
  });
});
