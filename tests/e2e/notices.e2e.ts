// Incident notices in Chromium as an administrator (issue 16): preview, start, pause, resume, a restart in the middle,
// completion; /dev/outbox then holds exactly one notice per affected account, in its language, naming its fields,
// with California's headings and no link, and nothing for any other account; a second "Start sending" queues nothing.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, demoLineRole } from '../../db/seed/demo-accounts';
import { collectConsoleErrors } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { portalFixture, type OutboxMessage } from './fixture';

const INCIDENT = '2018-08-api';
// One notice a second, so the sending is still under way when the test pauses it and restarts the server.
const portal = portalFixture({ NOTICE_RATE_PER_MINUTE: '60' });
let restarted: RunningServer | undefined;
afterAll(() => restarted?.stop());

const affected = DEMO_ACCOUNTS.filter((account) => INCIDENT in account.exposures);
const holderLine = (account: (typeof DEMO_ACCOUNTS)[number]) => account.phones.find((phone) => demoLineRole(account, phone) === 'holder')!;
const noticeOf = (message: OutboxMessage) =>
  message.subject === 'Notice of Data Breach' ||
  message.subject === 'Aviso de violación de datos' ||
  /^Breach check: |^Verificación de filtraciones: /.test(message.body);

async function figure(page: Page, id: string): Promise<number> {
  return Number(((await page.getByTestId(id).textContent()) ?? '').split(' of ')[0]!.replace(/,/g, ''));
}

describe('incident notices', () => {
  it('preview, start, pause, resume, a restart in the middle, complete: one notice per affected account, none twice', async () => {
    const { page } = await portal.enrollStaff(portal.inviteStaff('admin', 'Avery Admin'));
    const consoleErrors = collectConsoleErrors(page);
    await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Incident notices' }).click();
    await page.getByRole('heading', { level: 1, name: 'Incident notices' }).waitFor();
    await page.getByLabel('Incident', { exact: true }).selectOption(INCIDENT);
    await page.getByRole('button', { name: 'Preview notices' }).click();
    await page.getByRole('region', { name: 'Preview' }).waitFor();
    expect(await figure(page, 'preview-total')).toBe(affected.length);
    const preview = (await page.getByRole('region', { name: 'Preview' }).textContent()) ?? '';
    for (const heading of ['NOTICE OF DATA BREACH', 'WHAT HAPPENED', 'WHAT INFORMATION WAS INVOLVED', 'AVISO DE VIOLACIÓN DE DATOS'])
      expect(preview).toContain(heading);
    expect(await portal.axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Start sending' }).click();
    await expect.poll(() => figure(page, 'notices-accounts'), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('status').filter({ hasText: 'Paused' }).waitFor();
    const atPause = await figure(page, 'notices-accounts');
    await page.waitForTimeout(2_500);
    await page.reload();
    expect(await figure(page, 'notices-accounts'), 'nothing is queued while paused').toBe(atPause);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => figure(page, 'notices-accounts'), { timeout: 15_000 }).toBeGreaterThan(atPause);

    // A restart in the middle: the server stops while sending; another starts on the same data and carries on.
    expect(await figure(page, 'notices-accounts')).toBeLessThan(affected.length);
    await portal.server.stop();
    restarted = await startServer({ ...portal.server.shared, TRUST_PROXY: '1', NOTICE_RATE_PER_MINUTE: '60' });
    await page.goto(`${restarted.url}/admin/notices?incident=${INCIDENT}`);
    await expect.poll(async () => (await page.getByTestId('notices-state').textContent())?.trim(), { timeout: 30_000 }).toBe('done');
    await expect.poll(() => figure(page, 'notices-queued'), { timeout: 15_000 }).toBe(0);
    expect(await figure(page, 'notices-accounts')).toBe(affected.length);

    const notices = (await portal.outbox(restarted.url)).filter(noticeOf);
    const expectedRecipients = affected.flatMap((account) => [account.email, holderLine(account)].filter(Boolean) as string[]).sort();
    expect(notices.map((message) => message.recipient).sort(), 'one email and one text per affected account, none twice').toEqual(
      expectedRecipients,
    );
    for (const account of affected) {
      const spanish = account.language === 'es';
      const email = notices.find((message) => message.recipient === account.email)!;
      expect(email.subject).toBe(spanish ? 'Aviso de violación de datos' : 'Notice of Data Breach');
      expect(email.body).toContain(spanish ? 'QUÉ INFORMACIÓN ESTUVO INVOLUCRADA' : 'WHAT INFORMATION WAS INVOLVED');
      expect(email.body).toContain(`${spanish ? 'termina en' : 'ending'} ${account.accountNumber.slice(-4)}`);
      const text = notices.find((message) => message.recipient === holderLine(account))!;
      expect(text.body.length).toBeLessThan(480);
      for (const message of [email, text]) expect(message.body).not.toMatch(/https?:|www\.|\.com\b/);
    }

    // A second "Start sending" queues nothing.
    await page.getByRole('button', { name: 'Start sending' }).isDisabled();
    const again = await page.request.post(`${restarted.url}/admin/notices`, {
      form: { intent: 'start', incident: INCIDENT },
      headers: { Origin: restarted.url },
    });
    expect(again.status()).toBe(200);
    expect(await again.text()).toContain('nothing more was queued');
    expect((await portal.outbox(restarted.url)).filter(noticeOf)).toHaveLength(notices.length);
    // The page updated itself throughout; the only errors are the requests it made while the server was down.
    expect(consoleErrors.filter((error) => !/Failed to load resource|ERR_CONNECTION_REFUSED|Failed to fetch/.test(error))).toEqual([]);
  });
});
