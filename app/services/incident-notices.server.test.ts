// Incident notices from the records (DESIGN section 13), on either engine: exactly one per affected account whatever
// is clicked twice or run by two passes, in the account's language, naming its own fields, without a link, and a
// regulator summary whose counts are the database's.
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { opened } from '~/models/outbox.server';
import { DEMO_ACCOUNTS } from '../../db/seed/demo-accounts';
import { accounts, exposures, incidentNotices, outbox } from '../../db/tables';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import {
  composeNotice,
  pauseSending,
  previewNotices,
  regulatorSummaryCsv,
  resumeSending,
  sendingProgress,
  startSending,
  workNoticeCampaigns,
} from './incident-notices.server';
import type { StaffSession } from './session.server';

const ADMIN: StaffSession = { sessionId: 1, staffId: 1, name: 'Avery Admin', role: 'admin' };
const INCIDENT = '2018-08-api';

beforeAll(() => withDemoAccounts());

const affected = (incidentId: string) => DEMO_ACCOUNTS.filter((account) => account.exposures[incidentId as keyof typeof account.exposures]);

async function noticesOf(incidentId: string) {
  return (await testDatabase().all((db) => db.select().from(outbox).where(eq(outbox.incidentId, incidentId)).orderBy(outbox.id))).map(
    opened,
  );
}

describe('incident notices', () => {
  it('the preview counts the affected accounts by channel, language and state, with both forms in both languages', async () => {
    const preview = await previewNotices(INCIDENT);
    expect(preview.total).toBe(affected(INCIDENT).length);
    expect(preview.byState.reduce((sum, row) => sum + row.accounts, 0)).toBe(preview.total);
    expect((preview.byLanguage.en ?? 0) + (preview.byLanguage.es ?? 0)).toBe(preview.total);
    for (const language of ['en', 'es'] as const) {
      expect(preview.samples![language].email.body).not.toMatch(/https?:|www\./);
    }
    expect(preview.samples!.en.email.body).toContain('WHAT INFORMATION WAS INVOLVED');
    expect(preview.samples!.es.email.body).toContain('QUÉ INFORMACIÓN ESTUVO INVOLUCRADA');
    expect(await sendingProgress(INCIDENT)).toMatchObject({ status: 'not-started', accounts: 0 });
  });

  it('each form names this account’s exposed fields and the ones that were not exposed', () => {
    const { email, text } = composeNotice({ accountNumber: '100000001', fields: 'name;billing_zip' }, INCIDENT, 'en');
    expect(email.subject).toBe('Notice of Data Breach');
    for (const heading of [
      'NOTICE OF DATA BREACH',
      'WHAT HAPPENED',
      'WHAT INFORMATION WAS INVOLVED',
      'WHAT WE ARE DOING',
      'WHAT YOU CAN DO',
      'FOR MORE INFORMATION',
    ])
      expect(email.body).toContain(heading);
    expect(email.body).toContain('- Name:');
    expect(email.body).toContain('- Billing ZIP code:');
    expect(email.body).toMatch(/were NOT exposed: .*Phone number/);
    expect(text.body).toContain('ending 0001');
    expect(text.body).toMatch(/Exposed: Name, Billing ZIP code\./);
    expect(text.body.length).toBeLessThan(480);
  });

  it('start, pause, resume, complete: one notice per affected account to the holder’s contacts, none twice, none for others', async () => {
    expect(await startSending(ADMIN, INCIDENT)).toBe('started');
    expect(await startSending(ADMIN, INCIDENT)).toBe('already-started');
    expect(await pauseSending(ADMIN, INCIDENT)).toBe('paused');
    expect(await workNoticeCampaigns()).toBe(0); // paused: nothing queued
    expect(await resumeSending(ADMIN, INCIDENT)).toBe('resumed');
    // Two passes at once, as two processes would run them: the key keeps each account to one notice.
    await Promise.all([workNoticeCampaigns(), workNoticeCampaigns()]);
    while ((await sendingProgress(INCIDENT)).status === 'sending') await workNoticeCampaigns();
    expect(await startSending(ADMIN, INCIDENT)).toBe('already-started');

    const expected = affected(INCIDENT);
    const rows = await testDatabase().all((db) => db.select().from(incidentNotices).where(eq(incidentNotices.incidentId, INCIDENT)));
    expect(rows).toHaveLength(expected.length);
    const messages = await noticesOf(INCIDENT);
    const ids = await testDatabase().all((db) =>
      db.select({ id: accounts.id, number: accounts.accountNumber, email: accounts.email, language: accounts.language }).from(accounts),
    );
    for (const demo of expected) {
      const account = ids.find((row) => row.number === demo.accountNumber)!;
      const own = messages.filter((message) => message.accountId === account.id);
      expect(own.filter((message) => message.channel === 'email')).toHaveLength(account.email ? 1 : 0);
      expect(own.filter((message) => message.channel === 'sms')).toHaveLength(1);
      const email = own.find((message) => message.channel === 'email');
      if (email) expect(email.subject).toBe(account.language === 'es' ? 'Aviso de violación de datos' : 'Notice of Data Breach');
      for (const message of own) expect(message.body).not.toMatch(/https?:|www\./);
    }
    const notAffected = ids.filter((row) => !expected.some((demo) => demo.accountNumber === row.number)).map((row) => row.id);
    expect(messages.filter((message) => notAffected.includes(message.accountId!))).toEqual([]);
    expect((await sendingProgress(INCIDENT)).status).toBe('done');
  });

  it('the regulator summary’s counts are the database’s', async () => {
    const csv = await regulatorSummaryCsv(INCIDENT);
    const lines = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const total = (await testDatabase().get((db) => db.select({ n: count() }).from(exposures).where(eq(exposures.incidentId, INCIDENT))))!
      .n;
    expect(lines.find(([section]) => section === 'total')![2]).toBe(String(total));
    const states = lines.filter(([section]) => section === 'state');
    expect(states.reduce((sum, [, , n]) => sum + Number(n), 0)).toBe(total);
    const rows = await testDatabase().all((db) =>
      db.select({ fields: exposures.fields }).from(exposures).where(eq(exposures.incidentId, INCIDENT)),
    );
    for (const [, field, n] of lines.filter(([section]) => section === 'field'))
      expect(Number(n), field).toBe(rows.filter((row) => row.fields.split(';').includes(field!)).length);
  });
});
