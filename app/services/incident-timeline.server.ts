// An incident's dates (discovered, determined, authorities and customers notified), which administrators record: the
// rules one field alone cannot check (not in the future, in order), the audit of each change, and the 30-day
// customer-notice deadlines the dates set. Until someone records another, the catalogue's day of discovery stands.
import { listIncidentTimelines, upsertIncidentTimeline, type TimelineDates } from '~/models/incident-timeline.server';
import { INCIDENTS } from '~/models/incident.server';
import type { FormErrors } from '~/utils/form-answer';
import { calendarDate, formatCalendarDate } from '~/utils/format-time';
import {
  DATE_FIELDS,
  DATE_LABELS,
  isCalendarDate,
  noticeDeadlines,
  type DateField,
  type IncidentDates,
  type NoticeDeadline,
} from '~/utils/notice-deadlines';
import { recordAudit } from './audit.server';
import type { StaffSession } from './session.server';

export interface IncidentDatesView {
  incidentId: string;
  /** The catalogue's date of discovery: a day, or only a month ("2019-11"). */
  catalogueDiscoveredOn: string;
  dates: IncidentDates;
  deadlines: NoticeDeadline[];
  updatedAt: Date | null;
  updatedByStaffId: number | null;
}

/** Saved, with a sentence to announce; or what to fix, as field errors (400) or the form's error (403, 404). */
export type SaveDatesOutcome = { ok: true; notice: string } | { ok: false; status: 400 | 403 | 404; errors: FormErrors };

const catalogueDay = (discoveredOn: string) => (isCalendarDate(discoveredOn) ? discoveredOn : null);

/** The dates the deadlines count from: what was recorded, the catalogue's day of discovery until then. */
function effectiveDates(catalogueDiscoveredOn: string, recorded: TimelineDates | null | undefined): IncidentDates {
  return {
    discoveredOn: recorded?.discoveredOn ?? catalogueDay(catalogueDiscoveredOn),
    determinedOn: recorded?.determinedOn ?? null,
    authoritiesNotifiedOn: recorded?.authoritiesNotifiedOn ?? null,
    customersNotifiedOn: recorded?.customersNotifiedOn ?? null,
  };
}

/** Every incident in the catalogue with its dates and deadlines, judged on `today` (a Pacific calendar day). */
export async function incidentDatesOverview(today = calendarDate(new Date())): Promise<IncidentDatesView[]> {
  const recorded = new Map((await listIncidentTimelines()).map((row) => [row.incidentId, row]));
  return INCIDENTS.map((incident) => {
    const row = recorded.get(incident.id);
    const dates = effectiveDates(incident.discoveredOn, row);
    return {
      incidentId: incident.id,
      catalogueDiscoveredOn: incident.discoveredOn,
      dates,
      deadlines: noticeDeadlines(dates, today),
      updatedAt: row?.updatedAt ?? null,
      updatedByStaffId: row?.updatedByStaffId ?? null,
    };
  });
}

const quoted = (field: DateField) => `“${DATE_LABELS[field]}”`;

/** What is wrong with the dates together, one sentence per field that names it and says how to fix it. */
export function datesProblems(dates: IncidentDates, today: string): Partial<Record<DateField, string>> {
  const problems: Partial<Record<DateField, string>> = {};
  const note = (field: DateField, message: string) => (problems[field] ??= message);
  for (const field of DATE_FIELDS) {
    const value = dates[field];
    if (value && value > today)
      note(field, `${quoted(field)} is in the future: enter the day it happened, today (${formatCalendarDate(today)}) at the latest.`);
  }
  const notOnOrAfter = (field: DateField, earlier: DateField) => {
    const value = dates[field];
    const floor = dates[earlier];
    if (!value) return;
    if (!floor) note(field, `${quoted(field)} needs ${quoted(earlier)} before it: enter ${quoted(earlier)} too, or leave this empty.`);
    else if (value < floor)
      note(field, `${quoted(field)} is before ${quoted(earlier)} (${formatCalendarDate(floor)}): enter that day or a later one.`);
  };
  notOnOrAfter('determinedOn', 'discoveredOn');
  notOnOrAfter('authoritiesNotifiedOn', 'determinedOn');
  notOnOrAfter('customersNotifiedOn', 'determinedOn');
  return problems;
}

/** The fields whose values differ, with the old and new value of each (dates are not personal data). */
function changesBetween(
  before: IncidentDates,
  after: IncidentDates,
): Partial<Record<DateField, { old: string | null; new: string | null }>> {
  return Object.fromEntries(
    DATE_FIELDS.filter((field) => before[field] !== after[field]).map((field) => [field, { old: before[field], new: after[field] }]),
  );
}

/**
 * Records an incident's dates for an administrator, audited as `incident.dates_changed` with each changed field's old
 * and new value. An empty "Discovered" keeps the catalogue's day of discovery.
 */
export async function saveIncidentDates(
  admin: StaffSession,
  incidentId: string,
  submitted: IncidentDates,
  today = calendarDate(new Date()),
): Promise<SaveDatesOutcome> {
  if (admin.role !== 'admin')
    return { ok: false, status: 403, errors: { fields: {}, form: 'Only administrators can change an incident’s dates.' } };
  const incident = INCIDENTS.find((candidate) => candidate.id === incidentId);
  if (!incident)
    return {
      ok: false,
      status: 404,
      errors: { fields: {}, form: 'That incident is not in the catalogue. Reload the page and try again.' },
    };
  const dates = effectiveDates(incident.discoveredOn, submitted);
  const problems = datesProblems(dates, today);
  if (Object.keys(problems).length > 0) return { ok: false, status: 400, errors: { fields: problems } };

  const current = (await incidentDatesOverview(today)).find((view) => view.incidentId === incidentId)!;
  if (Object.keys(changesBetween(current.dates, dates)).length === 0) return { ok: true, notice: 'No date changed.' };
  const replaced = await upsertIncidentTimeline(incidentId, dates, admin.staffId);
  const changed = changesBetween(effectiveDates(incident.discoveredOn, replaced), dates);
  if (Object.keys(changed).length > 0)
    await recordAudit({
      actor: { type: 'staff', id: String(admin.staffId) },
      action: 'incident.dates_changed',
      details: { incidentId, changed },
    });
  const names = (Object.keys(changed) as DateField[]).map((field) => DATE_LABELS[field]).join(', ');
  return { ok: true, notice: names ? `Dates saved. Changed: ${names}.` : 'Dates saved.' };
}
