import { describe, expect, it } from 'vitest';
import catalogue from '../../app/i18n/locales/en/incidents';
import { EXPOSABLE_FIELDS } from '../../db/fields';
import { INCIDENTS } from '../../db/incidents';
import { DEMO_ACCOUNTS } from '../../db/seed/demo-accounts';
import { collectConsoleErrors } from '../helpers/browser';
import { portalFixture } from './fixture';

const portal = portalFixture();

describe('exposure dashboard', () => {
  it.each(DEMO_ACCOUNTS.map((demo) => [demo.accountNumber, demo] as const))(
    'account %s sees exactly its imported fields, the rest as not exposed, and the right answer',
    async (_accountNumber, demo) => {
      const context = await portal.newClient();
      const page = await context.newPage();
      const errors = collectConsoleErrors(page);
      await portal.enroll(page, { accountNumber: demo.accountNumber, phone: demo.phones[0]! });
      await page.goto(`${portal.server.url}/account`);

      const involved = Object.keys(demo.exposures).length;
      const headline = await page.locator('.headline').textContent();
      expect(headline).toContain(
        involved === 0 ? 'Your account was not in any of the 3 incidents.' : `Your account was in ${involved} of the 3 incidents.`,
      );

      // The grid: every cell says its status in words.
      const table = page.getByRole('table', { name: 'Your fields in each incident' });
      for (const [column, incident] of INCIDENTS.entries()) {
        for (const field of EXPOSABLE_FIELDS) {
          const row = table
            .getByRole('row')
            .filter({ has: page.getByRole('rowheader', { name: catalogue.field[field].label, exact: true }) });
          const cell = (await row.getByRole('cell').nth(column).textContent())!.trim();
          const expected = !incident.possibleFields.includes(field)
            ? 'Not part of this incident'
            : demo.exposures[incident.id]?.includes(field)
              ? 'Exposed'
              : 'Not exposed';
          expect(cell, `${demo.accountNumber} ${incident.id} ${field}`).toBe(expected);
        }
      }

      // One section per incident, with the exposed and not-exposed lists.
      for (const incident of INCIDENTS) {
        const section = page.getByRole('region', { name: incident.title });
        const exposed = demo.exposures[incident.id];
        if (!exposed) {
          expect(await section.textContent()).toContain('Your account was not in this incident');
          continue;
        }
        const exposedList = section.locator('h3:text-is("Exposed for your account") + ul > li strong');
        expect((await exposedList.allTextContents()).sort()).toEqual(exposed.map((field) => catalogue.field[field].label).sort());
        const notExposedList = await section.locator('h3:text-is("Not exposed for your account") + ul > li strong').allTextContents();
        for (const field of incident.possibleFields.filter((candidate) => !exposed.includes(candidate))) {
          expect(notExposedList).toContain(catalogue.field[field].label);
        }
        for (const never of Object.values(catalogue.never)) expect(notExposedList).toContain(never);
        expect(await section.getByRole('link', { name: 'About this incident' }).getAttribute('href')).toBe(`/incidents/${incident.id}`);
      }
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('names the port-out kit, shows the checklist, and passes axe on the dashboard and the statement', async () => {
    const context = await portal.newClient();
    const page = await context.newPage();
    await portal.enroll(page, { accountNumber: '100000009', phone: '+15125550110' }); // the holder
    await page.goto(`${portal.server.url}/account`);
    expect(await page.getByRole('region', { name: 'August 2018: leaky website API' }).textContent()).toContain(
      'Port-out and SIM-swap attempts by phone',
    );
    const todo = page.getByRole('region', { name: 'What to do' });
    expect(await todo.textContent()).toMatch(/To do\s*Change your account PIN/);
    expect(await todo.textContent()).toMatch(/Done on .+Set up a passkey/);
    expect(await portal.axe(page)).toEqual([]);

    await page.goto(`${portal.server.url}/account/statement`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('statement');
    const text = (await page.textContent('main'))!;
    expect(text).toMatch(/Reference\s*BC-\d{8}-[0-9A-Z]{8}/);
    expect(text).toContain('•••••0009');
    expect(text).not.toContain('100000009');
    expect(text).toContain('Passkey set up for sign-in on');
    expect(await portal.axe(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    const pdf = await page.pdf();
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await context.close();
  });

  it('the dashboard and statement are not reachable without a session', async () => {
    for (const path of ['/account', '/account/statement']) {
      const response = await fetch(`${portal.server.url}${path}`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`/sign-in?redirectTo=${encodeURIComponent(path)}`);
    }
  });
});
