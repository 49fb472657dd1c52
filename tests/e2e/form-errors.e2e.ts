// The one form shape, as a person meets it: a bad field is marked invalid and described by its message, the message is
// on the page, and what was typed is still there (secrets excepted). One form per area: customer, agent, admin.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { portalFixture } from './fixture';

const portal = portalFixture();

/** The field's own message, found through its aria-describedby, and whether it is marked invalid. */
async function announced(page: Page, label: string) {
  const field = page.getByLabel(label, { exact: true });
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const described = (await field.getAttribute('aria-describedby'))!.split(' ');
  const messages = await Promise.all(described.map((id) => page.locator(`#${id}`).textContent()));
  return { value: await field.inputValue(), messages: messages.join(' | ') };
}

describe('field errors, announced and nothing lost', () => {
  it('customer: /enroll marks both fields, says what is wrong, and keeps what was typed', async () => {
    const { page } = await portal.newPage();
    await page.goto(portal.url('/enroll'));
    await page.getByLabel('Account number').fill('12');
    await page.getByLabel('Phone number').fill('555');
    await page.getByRole('button', { name: 'Send code' }).click();
    expect(await announced(page, 'Account number')).toEqual({
      value: '12',
      messages: expect.stringContaining('Account numbers are 9 digits, as printed on your bill'),
    });
    expect(await announced(page, 'Phone number')).toEqual({
      value: '555',
      messages: expect.stringContaining('Enter a US phone number, like (206) 555-0101'),
    });
    expect(await portal.axe(page)).toEqual([]);
  });

  it('agent: a look-up that finds nothing marks the field and keeps the number; a malformed PIN is described, never kept', async () => {
    const { page } = await portal.enrollStaff(portal.inviteStaff('agent', 'Ari Stone'));
    await page.getByLabel('Account number or phone').fill('999999999');
    await page.getByRole('button', { name: 'Look up' }).click();
    expect(await announced(page, 'Account number or phone')).toEqual({
      value: '999999999',
      messages: 'No account has that account number. Check the digits with the caller.',
    });
    await page.getByLabel('Account number or phone').fill('100000001');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByLabel('PIN the caller says').fill('12');
    await page.getByRole('button', { name: 'Verify PIN' }).click();
    const pin = await announced(page, 'PIN the caller says');
    expect(pin.messages).toContain('Type the digits the caller says: 4 to 15 digits');
    expect(await page.content()).not.toContain('value="12"');
    expect(await portal.axe(page)).toEqual([]);
  });

  it('admin: an invite without a name marks the name, and keeps the chosen role', async () => {
    const { page } = await portal.enrollStaff(portal.inviteStaff('admin', 'Dana Lopez'));
    await page.getByLabel('Role').selectOption('admin');
    await page.getByRole('button', { name: 'Create enrollment link' }).click();
    expect((await announced(page, 'Full name')).messages).toBe('Enter the person’s full name');
    expect(await page.getByLabel('Role').inputValue()).toBe('admin');
    expect(await portal.axe(page)).toEqual([]);
  });
});
