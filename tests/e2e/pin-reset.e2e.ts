import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors } from '../helpers/browser';
import { portalFixture } from './fixture';

// Jordan Rivera: lines +12065550101 and +12065550102, born 1984-03-09, old demo PIN 739101.
const JORDAN = { accountNumber: '100000001', phone: '+12065550101' };

const portal = portalFixture();
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ context, page } = await portal.enrolled(JORDAN));
});

let currentPin = '739101'; // Jordan's demo PIN from 2017, until a test changes it

/** Submits the form and waits for the server's answer (a client-side submit does not reload the page). */
async function submitPin(target: Page, pin: string, confirmation = pin, current = currentPin) {
  await target.getByLabel('Current PIN').fill(current);
  await target.getByLabel('New PIN', { exact: true }).fill(pin);
  await target.getByLabel('Confirm new PIN').fill(confirmation);
  const answer = target.waitForResponse((response) => response.request().method() === 'POST');
  await target.getByRole('button', { name: 'Change PIN' }).click();
  const response = await answer;
  await target.waitForLoadState('networkidle');
  return response;
}

const ruleText = (target: Page, rule: string) => () => target.locator(`#pin-rule-${rule}`).textContent();

async function ageStepUp(minutes: number) {
  await portal.sql('update sessions set step_up_at = ?', new Date(Date.now() - minutes * 60_000));
}

describe('guided PIN reset', () => {
  it('explains why, lists the rules before typing, and ticks them off live as the customer types', async () => {
    const errors = collectConsoleErrors(page);
    await page.goto(`${portal.server.url}/account/pin`);
    const why = page.getByRole('region', { name: 'Why now' });
    expect(await why.textContent()).toContain('August 2018: leaky website API');
    const rules = page.getByRole('list', { name: 'PIN rules' });
    expect(await rules.textContent()).toContain('Not part of a phone number on your account');
    expect(await rules.textContent()).not.toContain('(not met)');

    await page.getByLabel('New PIN', { exact: true }).pressSequentially('206555');
    expect(await page.locator('#pin-rule-phone').textContent()).toContain("Don't use part of a phone number on your account.");
    expect(await page.locator('#pin-rule-length').textContent()).toContain('(met)');
    await page.getByLabel('New PIN', { exact: true }).fill('');
    await page.getByLabel('New PIN', { exact: true }).pressSequentially('123456');
    expect(await page.locator('#pin-rule-sequence').textContent()).toContain("Don't use digits that count up or down.");
    expect(await page.locator('#pin-rule-common').textContent()).toContain('one of the most common PINs');
    expect(await portal.axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it.each([
    ['12345', 'length', 'Use 6 to 15 digits.'],
    ['1234567890123456', 'length', 'Use 6 to 15 digits.'],
    ['111111', 'repeated', "Don't repeat a single digit."],
    ['121212', 'pattern', "Don't repeat a short pattern."],
    ['19840309', 'birthDate', "Don't use your date of birth."],
    ['0101739', 'phone', "Don't use part of a phone number on your account."],
    ['000001', 'account', "Don't use part of your account number."],
  ])('with JavaScript on, the server refuses %s with the %s message', async (pin, rule, message) => {
    await page.goto(`${portal.server.url}/account/pin`);
    await submitPin(page, pin);
    expect(page.url()).toBe(`${portal.server.url}/account/pin`);
    await expect.poll(ruleText(page, rule)).toContain(message);
    expect(await page.getByLabel('New PIN', { exact: true }).inputValue()).toBe(pin); // still in the field, nothing lost
  });

  it('with JavaScript off, weak PINs are refused with their messages and a 400, without echoing the PIN', async () => {
    const noScript = await portal.newClient({ javaScriptEnabled: false, sameClientAs: context });
    const plain = await noScript.newPage();
    for (const [pin, message] of [
      ['19840309', "Don't use your date of birth."],
      ['456789', "Don't use digits that count up or down."],
      ['5839205', "The two PINs don't match."],
    ] as const) {
      await plain.goto(`${portal.server.url}/account/pin`);
      const response = await submitPin(plain, pin, pin === '5839205' ? '5839206' : pin);
      expect(response.status()).toBe(400);
      expect(await plain.textContent('main')).toContain(message);
      expect(await plain.content()).not.toContain(pin);
    }
    await noScript.close();
  });

  it('asks for a passkey again when the last verification is older than 5 minutes', async () => {
    await ageStepUp(6);
    await page.goto(`${portal.server.url}/account/pin`);
    expect(await page.getByRole('button', { name: 'Change PIN' }).isDisabled()).toBe(true);
    await page.getByRole('link', { name: 'Confirm it’s you' }).click();
    await page.getByRole('button', { name: 'Confirm with a passkey' }).click();
    await page.waitForURL(`${portal.server.url}/account/pin`);
    expect(await page.getByRole('region', { name: 'Confirm it’s you' }).textContent()).toContain('Confirmed');
    expect(await page.getByRole('button', { name: 'Change PIN' }).isDisabled()).toBe(false);
  });

  it('refuses a wrong current PIN with a sentence on the field, and counts it toward the Verify PIN lock', async () => {
    await page.goto(`${portal.server.url}/account/pin`);
    expect((await submitPin(page, '583920', '583920', '111111')).status()).toBe(400);
    const field = page.getByLabel('Current PIN');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#currentPin-error').textContent()).toBe(
      'That is not your current PIN. 4 attempts left before PIN checks lock for 15 minutes.',
    );
    expect(await field.getAttribute('aria-describedby')).toBe('currentPin-error');
    expect(await page.getByLabel('New PIN', { exact: true }).inputValue()).toBe('583920'); // nothing lost
    const [failures] = await portal.sql<{ count: number }>("SELECT count FROM rate_limits WHERE key LIKE 'pin-verify-failures:%'");
    expect(failures!.count).toBe(1);
  });

  it('refuses a stale step-up on the server too, even if the form was open', async () => {
    await page.goto(`${portal.server.url}/account/pin`);
    await ageStepUp(6);
    expect((await submitPin(page, '583920')).status()).toBe(403);
    await expect.poll(() => page.textContent('main')).toContain('confirm it is you with your passkey again');
  });

  it('accepts a good PIN, sends a notice without links, marks the dashboard step done, and refuses reusing it', async () => {
    await ageStepUp(0);
    await page.goto(`${portal.server.url}/account/pin`);
    await submitPin(page, '583920');
    await page.waitForURL(/\/account\/pin\?done=1/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your PIN was changed');
    currentPin = '583920';

    const notices = (await portal.outbox()).filter((message) => message.body.includes('Your account PIN was changed on'));
    // The holder's contacts: their own line and the account email, not the line user's +12065550102.
    expect(notices.map((notice) => notice.recipient).sort()).toEqual(['+12065550101', 'jordan@example.com']);
    for (const notice of notices) {
      expect(notice.body).toContain("If this wasn't you, call 611");
      expect(notice.body).not.toMatch(/https?:|www\.|583920/);
    }

    await page.goto(`${portal.server.url}/account`);
    const today = new Date().toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'America/Los_Angeles' });
    expect(await page.getByRole('region', { name: 'What to do' }).textContent()).toMatch(
      new RegExp(`Done on ${today}\\s*Change your account PIN`),
    );

    await page.goto(`${portal.server.url}/account/pin`);
    expect((await submitPin(page, '583920')).status()).toBe(400);
    await expect.poll(ruleText(page, 'reused')).toContain("Don't reuse your current PIN or one of your last 3.");
    expect((await submitPin(page, '739101')).status()).toBe(400); // the demo PIN from 2017, now one back
    await expect.poll(ruleText(page, 'reused')).toContain("Don't reuse");
  });
});

describe('the 24-hour PIN reset, for a holder who does not know the current PIN', () => {
  const outboxBodies = async (subject: string) => {
    const messages = (await portal.outbox()).filter((message) => `${message.subject} ${message.body}`.includes(subject));
    return { recipients: messages.map((message) => message.recipient).sort(), bodies: messages.map((message) => message.body) };
  };
  const pinHash = async () =>
    (await portal.sql<{ pin_hash: string }>("SELECT pin_hash FROM accounts WHERE account_number = '100000001'"))[0]?.pin_hash;

  async function startReset(newPin: string) {
    await ageStepUp(0);
    await page.goto(`${portal.server.url}/account/pin`);
    await page.getByRole('button', { name: 'I don’t know my current PIN' }).click();
    await page.waitForURL(`${portal.server.url}/account/pin?forgot=1`);
    await page.getByLabel('New PIN', { exact: true }).fill(newPin);
    await page.getByLabel('Confirm new PIN').fill(newPin);
    await page.getByRole('button', { name: 'Start the 24-hour reset' }).click();
    await page.waitForURL(`${portal.server.url}/account/pin?scheduled=1`);
    await page.getByRole('heading', { level: 1, name: 'Your PIN reset is scheduled' }).waitFor();
  }

  it('announces the reset at once, keeps the PIN, and can be cancelled from a second session', async () => {
    const before = await pinHash();
    await startReset('864209');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your PIN reset is scheduled');
    const notice = await outboxBodies('A reset of your account PIN was requested on');
    expect(notice.recipients).toEqual(['+12065550101', 'jordan@example.com']);
    for (const body of notice.bodies) expect(body).not.toMatch(/https?:|www\.|864209/);
    expect(await pinHash()).toBe(before);

    // A second session of the holder's (another browser, enrolled with a code to the holder's line) sees it and cancels it.
    const { context: second, page: other } = await portal.enrolled(JORDAN);
    const waiting = other.getByRole('region', { name: 'A PIN reset is waiting' });
    expect(await waiting.textContent()).toContain('Your new account PIN takes effect on');
    expect(await portal.axe(other)).toEqual([]);
    await waiting.getByRole('button', { name: 'Cancel the PIN reset' }).click();
    await other.waitForURL(`${portal.server.url}/account/pin?cancelled=1`);
    await other.getByRole('status').filter({ hasText: 'The PIN reset was cancelled. Your account PIN has not changed.' }).waitFor();
    expect((await outboxBodies('The reset of your account PIN was cancelled')).recipients).toEqual(['+12065550101', 'jordan@example.com']);
    await second.close();

    await page.goto(`${portal.server.url}/account`);
    expect(await page.getByRole('region', { name: 'A PIN reset is waiting' }).count()).toBe(0);
    expect(await pinHash()).toBe(before);
  });

  it('after 24 hours (the clock moved in the database) the new PIN is in force, announced, and the checklist is dated', async () => {
    await startReset('902718');
    await page.goto(`${portal.server.url}/account`);
    expect(await page.getByRole('region', { name: 'A PIN reset is waiting' }).isVisible()).toBe(true);
    const before = await pinHash();
    // As if 24 hours had passed: the reset job (every few seconds) finds it due.
    await portal.sql(
      'UPDATE pin_resets SET effective_at = ? WHERE applied_at IS NULL AND cancelled_at IS NULL',
      new Date(Date.now() - 1000),
    );
    await expect.poll(pinHash, { timeout: 15_000 }).not.toBe(before);
    const applied = await outboxBodies('took effect');
    expect(applied.recipients).toEqual(['+12065550101', 'jordan@example.com']);
    await page.goto(`${portal.server.url}/account`);
    expect(await page.getByRole('region', { name: 'A PIN reset is waiting' }).count()).toBe(0);
    const today = new Date().toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'America/Los_Angeles' });
    expect(await page.getByRole('region', { name: 'What to do' }).textContent()).toMatch(
      new RegExp(`Done on ${today}\\s*Change your account PIN`),
    );
  });
});
