// The dashboard's render is kept by the data it was rendered from (server/private-page-memo.ts): reloads get the same
// page with their own nonce, scripts still run, and a change made by another process shows on the next load.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectConsoleErrors } from '../helpers/browser';
import { portalFixture } from './fixture';

const portal = portalFixture({ LOG_LEVEL: 'info' });

const SAM = { accountNumber: '100000003', phone: '+12065550104' }; // 2018: name, phone and email only

function zipIn2018(page: Page) {
  const row = page
    .getByRole('table', { name: 'Your fields in each incident' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Billing ZIP code', exact: true }) });
  return row.getByRole('cell').first();
}

function memoOutcomes(): string[] {
  return portal.server
    .output()
    .split('\n')
    .filter((line) => line.includes('"path":"/account"') && line.includes('"memo"'))
    .map((line) => (JSON.parse(line) as { memo: string }).memo);
}

// A request's log line is written when its answer has gone, so it can reach us through the pipe after the answer did.
async function memoOutcomesAfter(before: number, count: number): Promise<string[]> {
  await expect.poll(() => memoOutcomes().length).toBeGreaterThanOrEqual(before + count);
  return memoOutcomes().slice(before, before + count);
}

describe('the memoized dashboard', () => {
  it('answers a reload with the same page and a fresh nonce, runs its scripts, and shows new data at once', async () => {
    const context = await portal.newClient();
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await portal.enroll(page, SAM);
    await page.goto(`${portal.server.url}/account`);
    expect((await zipIn2018(page).textContent())?.trim()).toBe('Not exposed');

    const load = async () => {
      const response = await page.request.get(`${portal.server.url}/account`, {
        headers: { accept: 'text/html', 'accept-encoding': 'gzip' },
      });
      expect(response.status()).toBe(200);
      const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')![1]!;
      const html = await response.text();
      const scriptNonces = new Set([...html.matchAll(/<script[^>]*nonce="([^"]+)"/g)].map((match) => match[1]));
      expect(scriptNonces).toEqual(new Set([nonce]));
      expect(response.headers()['cache-control']).toContain('no-store');
      return { nonce, html: html.replaceAll(nonce, 'NONCE') };
    };
    const before = memoOutcomes().length;
    const [first, second] = [await load(), await load()];
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.html).toBe(first.html);
    expect(await memoOutcomesAfter(before, 2)).toEqual(['hit', 'hit']);

    // A memoized page hydrates: client-side navigation works and no script was refused.
    await page.goto(`${portal.server.url}/account`);
    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Passkeys' }).click();
    await page.getByRole('heading', { name: 'Your passkeys' }).waitFor();
    expect(errors).toEqual([]);

    // Another process (an import) changes what the dashboard shows: the next load shows it.
    await portal.sql(
      `UPDATE exposures SET fields = 'name;billing_zip;phone_number;email_address'
        WHERE account_id = (SELECT id FROM accounts WHERE account_number = ?)`,
      SAM.accountNumber,
    );
    const beforeChange = memoOutcomes().length;
    await page.goto(`${portal.server.url}/account`);
    expect((await zipIn2018(page).textContent())?.trim()).toBe('Exposed');
    expect(await memoOutcomesAfter(beforeChange, 1)).toEqual(['miss']);
    await context.close();
  });

  it('never answers a signed-out browser from memory', async () => {
    const response = await fetch(`${portal.server.url}/account`, {
      headers: { cookie: 'bc_session=forged', 'accept-encoding': 'gzip' },
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/sign-in/);
  });
});
