// Issue 16: an administrator records the 2019 incident's dates on /admin and reads the 30-day notice deadlines beside them.
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectConsoleErrors } from '../helpers/browser';
import { portalFixture } from './fixture';

const portal = portalFixture();
const SHOTS = '/tmp/shots';

describe('incident dates on /admin', () => {
  it('an admin sets the dates of the 2019 incident, is told what to fix, and sees the deadlines they set', async () => {
    const { page } = await portal.enrollStaff(portal.inviteStaff('admin', 'Dana Lopez'));
    const errors = collectConsoleErrors(page);
    const incident = page.getByRole('region', { name: 'November 2019: prepaid accounts', exact: true });
    const deadlines = incident.getByRole('table', { name: /Customer-notice deadlines/ });
    expect(await incident.getByLabel('Discovered').inputValue()).toBe('');
    expect(await incident.textContent()).toContain('The catalogue says November 2019 (month only).');
    expect(await deadlines.textContent()).toMatch(/FCC.*not yet determined.*California.*not yet determined/);

    // Out of order first: the page says which field and how to fix it, and keeps what was typed.
    await incident.getByLabel('Discovered').fill('2019-11-18');
    await incident.getByLabel('Determined').fill('2019-11-10');
    await incident.getByRole('button', { name: 'Save dates' }).click();
    const determined = incident.getByLabel('Determined');
    await expect.poll(() => determined.getAttribute('aria-invalid')).toBe('true');
    expect(await incident.textContent()).toContain(
      '“Determined” is before “Discovered” (November 18, 2019): enter that day or a later one.',
    );
    expect(await incident.getByLabel('Discovered').inputValue()).toBe('2019-11-18');
    expect(await portal.axe(page)).toEqual([]);

    await determined.fill('2019-11-20');
    await incident.getByLabel('Authorities notified').fill('2019-11-22');
    await incident.getByLabel('Customers notified').fill('2019-12-20');
    await incident.getByRole('button', { name: 'Save dates' }).click();
    await expect.poll(() => incident.getByRole('status').textContent()).toContain('Dates saved.');
    expect(await determined.getAttribute('aria-invalid')).toBeNull();
    // The status comes with the action's answer; the table with the page's data reloaded after it.
    await expect.poll(async () => (await deadlines.locator('tbody tr').allTextContents())[0]).toMatch(/^FCC.*December 20, 2019.*met$/);
    const rows = await deadlines.locator('tbody tr').allTextContents();
    expect(rows[1]).toMatch(/^California.*December 18, 2019.*missed by 2 days$/);
    expect(await incident.textContent()).toMatch(/Last changed .* Pacific time by Dana Lopez/);
    expect(await portal.axe(page)).toEqual([]);

    // Stored: a reload shows the same dates.
    await page.reload();
    expect(await incident.getByLabel('Customers notified').inputValue()).toBe('2019-12-20');

    mkdirSync(SHOTS, { recursive: true });
    const section = page.getByRole('region', { name: 'Incident dates and notice deadlines' });
    await section.screenshot({ path: `${SHOTS}/incident-dates-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await section.screenshot({ path: `${SHOTS}/incident-dates-390.png` });
    await incident.screenshot({ path: `${SHOTS}/incident-dates-2019-390.png` });
    expect(await portal.axe(page)).toEqual([]);
    // The one 400 answer (the dates out of order) is the only thing the console reports.
    expect(errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
  });
});
