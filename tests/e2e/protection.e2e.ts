// Port-out and SIM protection in Chromium (issue 15), on the family account 100000009 (holder 0110, authorized user
// 0111, line users 0112 and 0113), against a real local HTTP server standing in for the carrier's provisioning system
// that checks each request's signature and Idempotency-Key.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors } from '../helpers/browser';
import { startProvisioningServer } from '../helpers/provisioning-server';
import { portalFixture } from './fixture';

const FAMILY = '100000009';
const HOLDER = { accountNumber: FAMILY, phone: '+15125550110' };
const AUTHORIZED = { accountNumber: FAMILY, phone: '+15125550111' };
const LINE_USER = { accountNumber: FAMILY, phone: '+15125550112' };

const provisioning = await startProvisioningServer();
const portal = portalFixture({ PROVISIONING_URL: provisioning.url, PROVISIONING_SECRET: provisioning.secret });
afterAll(() => provisioning.close());

let holder: Page;

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** The state tag of a lock in a target's card: Off, Pending, On or Failed. */
async function lockState(page: Page, target: string, lock: 'Port-out protection' | 'SIM protection'): Promise<string> {
  const row = region(page, target).locator('.protection-lock', { hasText: lock });
  return ((await row.locator('.tag').textContent()) ?? '').trim();
}

/** A form posted by hand from the signed-in browser, as a curious person would with the browser's tools. */
function postByHand(page: Page, form: Record<string, string>) {
  return page.request.post(portal.url('/account/protection'), { form, headers: { Origin: portal.server.url }, maxRedirects: 0 });
}

describe('port-out and SIM protection', () => {
  it('the holder turns port-out protection on: pending while provisioning fails once, on after its signed 2xx, and the checklist step is dated', async () => {
    ({ page: holder } = await portal.enrolled(HOLDER));
    const errors = collectConsoleErrors(holder);
    provisioning.failNext(1, 500); // the carrier's first answer is a 500: retried a second later
    await holder.goto(portal.url('/account/protection'));
    expect(await holder.getByRole('heading', { level: 1 }).textContent()).toBe('Port-out and SIM protection');
    expect(await lockState(holder, 'Whole account', 'Port-out protection')).toBe('Off');
    await region(holder, 'Whole account').getByRole('button', { name: 'Turn on port-out protection' }).click();
    await holder.getByRole('status').filter({ hasText: 'Sent to the carrier’s systems' }).waitFor();
    // Shown once the page has reloaded its data after the form, while the carrier's 500 is waiting out its retry.
    await expect.poll(() => lockState(holder, 'Whole account', 'Port-out protection'), { interval: 100 }).toBe('Pending');
    // The page refreshes itself while a lock is pending.
    await expect.poll(() => lockState(holder, 'Whole account', 'Port-out protection'), { timeout: 15_000 }).toBe('On');
    expect(provisioning.calls.map((call) => [call.status, call.signatureValid])).toEqual([
      [500, true],
      [200, true],
    ]);
    expect(provisioning.calls[0]!.idempotencyKey).toBe(provisioning.calls[1]!.idempotencyKey);
    expect(await portal.axe(holder)).toEqual([]);

    await holder.goto(portal.url('/account'));
    const step = region(holder, 'What to do').locator('li', { hasText: 'Turn on port-out protection' });
    const today = new Date().toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'America/Los_Angeles' });
    expect(await step.textContent()).toContain(`Done on ${today}`);
    expect(errors).toEqual([]);
  });

  it('a line user turns on SIM protection for their own line, and is refused for another line on the page and by a direct POST', async () => {
    const { page } = await portal.enrolled(LINE_USER);
    await page.goto(portal.url('/account/protection'));
    await region(page, 'Line ending 0112 (yours)').getByRole('button', { name: 'Turn on SIM protection' }).click();
    await expect.poll(() => lockState(page, 'Line ending 0112 (yours)', 'SIM protection'), { timeout: 15_000 }).toBe('On');
    expect(provisioning.calls.at(-1)!.body).toMatchObject({ line: '+15125550112', lock: 'sim', state: 'on', requestedBy: 'line' });

    // No button for another line or the whole account…
    expect(await region(page, 'Line ending 0113').getByRole('button').count()).toBe(0);
    expect(await region(page, 'Whole account').getByRole('button').count()).toBe(0);
    // …and the form posted by hand is refused with a sentence; the carrier is never called.
    const calls = provisioning.calls.length;
    const refused = await postByHand(page, { intent: 'on', lock: 'sim', target: '+15125550113' });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain('You can turn on protection for your own line only.');
    await page.goto(portal.url('/account/protection'));
    expect(await lockState(page, 'Line ending 0113', 'SIM protection')).toBe('Off');
    expect(provisioning.calls.length).toBe(calls);
  });

  it('an authorized user cannot turn a lock off: no button, and a direct POST is refused', async () => {
    const { page } = await portal.enrolled(AUTHORIZED);
    await page.goto(portal.url('/account/protection'));
    expect(await lockState(page, 'Whole account', 'Port-out protection')).toBe('On');
    expect(await page.getByRole('button', { name: /^Turn off/ }).count()).toBe(0);
    const refused = await postByHand(page, { intent: 'off', lock: 'port-out', target: 'account' });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain('Only the account holder can turn a protection off.');
    await page.reload();
    expect(await lockState(page, 'Whole account', 'Port-out protection')).toBe('On');
  });

  it('the holder turns it off only after a fresh passkey check', async () => {
    await portal.sql('UPDATE sessions SET step_up_at = ?', new Date(Date.now() - 10 * 60_000)); // as if signed in 10 minutes ago
    // A passkey set up today cannot take a lock off (someone holding the line could have enrolled it): as if it were two days old.
    await portal.sql('UPDATE passkeys SET created_at = ?', new Date(Date.now() - 2 * 24 * 3_600_000));
    await holder.goto(portal.url('/account/protection'));
    const turnOff = () => holder.getByRole('button', { name: 'Turn off port-out protection for Whole account' }).click();
    await turnOff();
    await holder.waitForURL(/\/account\/confirm\?redirectTo=/);
    expect(await lockState2()).toBe('On');
    await holder.getByRole('button', { name: 'Confirm with a passkey' }).click();
    await holder.waitForURL(portal.url('/account/protection'));
    await turnOff();
    await expect.poll(() => lockState(holder, 'Whole account', 'Port-out protection'), { timeout: 15_000 }).toBe('Off');
    expect(provisioning.calls.at(-1)!.body).toMatchObject({ line: null, lock: 'port-out', state: 'off', requestedBy: 'holder' });
  });

  it('with provisioning failing for good, the lock ends failed, the page says so, and the holder is told', async () => {
    provisioning.failAlways();
    await holder.goto(portal.url('/account/protection'));
    await region(holder, 'Whole account').getByRole('button', { name: 'Turn on SIM protection' }).click();
    // Five tries, 1 + 2 + 4 + 8 seconds apart.
    await expect.poll(() => lockState(holder, 'Whole account', 'SIM protection'), { timeout: 40_000, interval: 1_000 }).toBe('Failed');
    expect(await region(holder, 'Whole account').textContent()).toContain('did not confirm it after several tries, so it is not on');
    const notices = (await portal.outbox()).filter((message) => message.subject === 'A lock on your account could not be changed');
    expect(notices.map((message) => message.recipient).sort()).toEqual(['+15125550110', 'drew@example.com']);
    expect(notices[0]!.body).not.toMatch(/https?:|www\./);
    provisioning.ok();
  }, 60_000);
});

async function lockState2() {
  // The confirm page shows nothing of the lock: read it from the database, as the carrier's state.
  const [row] = await portal.sql<{ confirmed: string }>("SELECT confirmed FROM protections WHERE line = '' AND lock = 'port-out'");
  return row?.confirmed === 'on' ? 'On' : 'Off';
}
