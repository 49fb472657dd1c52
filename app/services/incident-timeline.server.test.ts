// Issue 16: administrators record an incident's dates on /admin (validated, stored, audited) beside the notice deadlines.
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { startStaffSession, type StaffSession } from '~/services/session.server';
import type { FormAnswer } from '~/utils/form-answer';
import { auditEvents, incidentTimeline, staff } from '../../db/tables';
import { testDatabase } from '../../tests/helpers/db';
import { args, CookieJar } from '../../tests/helpers/requests';
import { action as adminAction, loader as adminLoader } from '../routes/admin';
import { datesProblems, incidentDatesOverview, saveIncidentDates } from './incident-timeline.server';

type Answer = { data: FormAnswer & { datesSaved?: { incidentId: string; notice: string } }; init: ResponseInit | null };

const PREPAID = '2019-11-prepaid';
const none = { discoveredOn: null, determinedOn: null, authoritiesNotifiedOn: null, customersNotifiedOn: null };
let admin: StaffSession;
let adminBrowser: CookieJar;
let agentBrowser: CookieJar;

async function member(name: string, role: 'admin' | 'agent'): Promise<{ session: StaffSession; browser: CookieJar }> {
  const { id } = (await testDatabase().get((db) =>
    db
      .insert(staff)
      .values({ name, role, webauthnUserId: `incident-dates-${role}` })
      .returning({ id: staff.id }),
  ))!;
  const browser = new CookieJar();
  browser.take(new Response(null, { headers: { 'Set-Cookie': await startStaffSession(browser.request('/'), id) } }));
  return { session: { sessionId: 0, staffId: id, name, role }, browser };
}

const saveForm = (browser: CookieJar, fields: Record<string, string>) =>
  adminAction(
    args(
      browser.form('/admin', {
        intent: 'incident-dates',
        incidentId: PREPAID,
        discoveredOn: '',
        determinedOn: '',
        authoritiesNotifiedOn: '',
        customersNotifiedOn: '',
        ...fields,
      }),
      browser,
    ),
  ) as Promise<Answer>;

const stored = (incidentId: string) =>
  testDatabase().get((db) => db.select().from(incidentTimeline).where(eq(incidentTimeline.incidentId, incidentId)));
const auditedChanges = () =>
  testDatabase().all((db) =>
    db
      .select({ actorId: auditEvents.actorId, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'incident.dates_changed'), eq(auditEvents.actorType, 'staff')))
      .orderBy(asc(auditEvents.id)),
  );

beforeAll(async () => {
  const ada = await member('Ada Admin', 'admin');
  admin = ada.session;
  adminBrowser = ada.browser;
  agentBrowser = (await member('Sam Agent', 'agent')).browser;
});

describe('the dates and deadlines before anyone records them', () => {
  it('take the catalogue’s day of discovery, and nothing for a catalogue that gives only the month', async () => {
    const [api, prepaid] = await incidentDatesOverview('2026-01-10');
    expect(api).toMatchObject({ incidentId: '2018-08-api', dates: { ...none, discoveredOn: '2018-08-20' }, updatedAt: null });
    expect(api!.deadlines).toEqual([
      { rule: 'fcc', dueOn: null, status: { kind: 'not-determined' } },
      { rule: 'california', dueOn: '2018-09-19', status: { kind: 'missed', days: 2670, customersNotified: false } },
    ]);
    expect(prepaid).toMatchObject({ incidentId: PREPAID, catalogueDiscoveredOn: '2019-11', dates: none });
  });
});

describe('an administrator saves an incident’s dates', () => {
  it('stores them, audits each changed field with its old and new value, and shows the deadlines they set', async () => {
    const dates = {
      discoveredOn: '2019-11-18',
      determinedOn: '2019-11-20',
      authoritiesNotifiedOn: '2019-11-22',
      customersNotifiedOn: '2019-12-20',
    };
    const answer = await saveForm(adminBrowser, dates);
    expect(answer.init?.status ?? 200).toBe(200);
    expect(answer.data.datesSaved).toEqual({
      incidentId: PREPAID,
      notice: 'Dates saved. Changed: Discovered, Determined, Authorities notified, Customers notified.',
    });
    expect(await stored(PREPAID)).toMatchObject({ ...dates, updatedByStaffId: admin.staffId });
    const [audited] = await auditedChanges();
    expect(audited).toEqual({
      actorId: String(admin.staffId),
      details: {
        incidentId: PREPAID,
        changed: {
          discoveredOn: { old: null, new: '2019-11-18' },
          determinedOn: { old: null, new: '2019-11-20' },
          authoritiesNotifiedOn: { old: null, new: '2019-11-22' },
          customersNotifiedOn: { old: null, new: '2019-12-20' },
        },
      },
    });

    const page = await adminLoader(args(adminBrowser.request('/admin'), adminBrowser));
    const prepaid = page.timelines.find((timeline) => timeline.incidentId === PREPAID)!;
    expect(prepaid.title).toBe('November 2019: prepaid accounts');
    expect(prepaid.updated).toMatch(/ Pacific time by Ada Admin \(staff #\d+\)$/);
    expect(prepaid.deadlines).toEqual([
      { rule: 'fcc', dueOn: '2019-12-20', status: { kind: 'met' } },
      { rule: 'california', dueOn: '2019-12-18', status: { kind: 'missed', days: 2, customersNotified: true } },
    ]);
  });

  it('audits only what changed on a later save, and nothing when nothing changed', async () => {
    const before = (await auditedChanges()).length;
    const dates = {
      discoveredOn: '2019-11-18',
      determinedOn: '2019-11-20',
      authoritiesNotifiedOn: '2019-11-22',
      customersNotifiedOn: '2019-12-17',
    };
    expect((await saveForm(adminBrowser, dates)).data.datesSaved?.notice).toBe('Dates saved. Changed: Customers notified.');
    const audits = await auditedChanges();
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)!.details).toEqual({
      incidentId: PREPAID,
      changed: { customersNotifiedOn: { old: '2019-12-20', new: '2019-12-17' } },
    });

    expect((await saveForm(adminBrowser, dates)).data.datesSaved?.notice).toBe('No date changed.');
    expect(await auditedChanges()).toHaveLength(before + 1);
  });

  it('an empty “Discovered” keeps the catalogue’s day', async () => {
    const outcome = await saveIncidentDates(admin, '2018-08-api', { ...none, determinedOn: '2018-08-25' }, '2026-01-10');
    expect(outcome).toEqual({ ok: true, notice: 'Dates saved. Changed: Determined.' });
    expect(await stored('2018-08-api')).toMatchObject({ discoveredOn: '2018-08-20', determinedOn: '2018-08-25' });
  });
});

describe('only administrators, and only dates that make sense', () => {
  it('refuses an agent: 403 from the page, and from the service itself', async () => {
    const refused = await saveForm(agentBrowser, { discoveredOn: '2019-11-01' }).catch((error: unknown) => error);
    expect((refused as Response).status).toBe(403);
    const agent = { sessionId: 0, staffId: admin.staffId + 1, name: 'Sam Agent', role: 'agent' as const };
    expect(await saveIncidentDates(agent, PREPAID, { ...none, discoveredOn: '2019-11-01' })).toMatchObject({ ok: false, status: 403 });
    expect(await stored(PREPAID)).toMatchObject({ discoveredOn: '2019-11-18' });
  });

  it('answers a date that does not exist with 400, the field’s message, and what was typed', async () => {
    const typed = { discoveredOn: '2019-11-18', determinedOn: '2019-02-30', customersNotifiedOn: 'soon' };
    const answer = await saveForm(adminBrowser, typed);
    expect(answer.init?.status).toBe(400);
    expect(answer.data.errors?.fields).toEqual({
      determinedOn: 'Enter “Determined” as a real calendar date (year-month-day, such as 2019-11-18), or leave it empty.',
      customersNotifiedOn: 'Enter “Customers notified” as a real calendar date (year-month-day, such as 2019-11-18), or leave it empty.',
    });
    expect(answer.data.values).toMatchObject({ incidentId: PREPAID, ...typed });
    expect(await stored(PREPAID)).toMatchObject({ determinedOn: '2019-11-20', customersNotifiedOn: '2019-12-17' });
  });

  it('answers dates out of order with 400, naming the field, the one it must follow, and that one’s day', async () => {
    const answer = await saveForm(adminBrowser, {
      discoveredOn: '2019-11-18',
      determinedOn: '2019-11-10',
      customersNotifiedOn: '2019-11-05',
    });
    expect(answer.init?.status).toBe(400);
    expect(answer.data.errors?.fields).toEqual({
      determinedOn: '“Determined” is before “Discovered” (November 18, 2019): enter that day or a later one.',
      customersNotifiedOn: '“Customers notified” is before “Determined” (November 10, 2019): enter that day or a later one.',
    });
  });

  it('refuses a day in the future, and a notice or determination without the day it follows', () => {
    expect(datesProblems({ ...none, discoveredOn: '2026-01-11' }, '2026-01-10')).toEqual({
      discoveredOn: '“Discovered” is in the future: enter the day it happened, today (January 10, 2026) at the latest.',
    });
    expect(datesProblems({ ...none, determinedOn: '2019-11-20', authoritiesNotifiedOn: '2019-11-22' }, '2026-01-10')).toEqual({
      determinedOn: '“Determined” needs “Discovered” before it: enter “Discovered” too, or leave this empty.',
    });
    expect(datesProblems({ ...none, discoveredOn: '2019-11-18', authoritiesNotifiedOn: '2019-11-22' }, '2026-01-10')).toEqual({
      authoritiesNotifiedOn: '“Authorities notified” needs “Determined” before it: enter “Determined” too, or leave this empty.',
    });
    expect(datesProblems({ ...none, discoveredOn: '2026-01-10', determinedOn: '2026-01-10' }, '2026-01-10')).toEqual({});
  });

  it('answers an incident that is not in the catalogue with 404, and a form with no incident with 400', async () => {
    const unknown = await saveForm(adminBrowser, { incidentId: '2031-01-nothing' });
    expect(unknown.init?.status).toBe(404);
    expect(unknown.data.errors?.form).toBe('That incident is not in the catalogue. Reload the page and try again.');
    expect((await saveForm(adminBrowser, { incidentId: '' })).init?.status).toBe(400);
  });
});
