// An incident's dates (their fields, labels and form schema, shared by server and browser), the 30-day customer-notice
// deadlines they set, and whether the customers' notice met them. Pure arithmetic on calendar days (YYYY-MM-DD,
// counted in UTC so no time zone or clock change moves a day).
import { z } from 'zod';

export interface IncidentDates {
  discoveredOn: string | null;
  /** The day the carrier reasonably determined that a breach happened. */
  determinedOn: string | null;
  authoritiesNotifiedOn: string | null;
  customersNotifiedOn: string | null;
}

export type DateField = keyof IncidentDates;
export const DATE_FIELDS = ['discoveredOn', 'determinedOn', 'authoritiesNotifiedOn', 'customersNotifiedOn'] as const satisfies DateField[];

/** The fields' labels on the page, which every message about them names. */
export const DATE_LABELS: Record<DateField, string> = {
  discoveredOn: 'Discovered',
  determinedOn: 'Determined',
  authoritiesNotifiedOn: 'Authorities notified',
  customersNotifiedOn: 'Customers notified',
};

const day = (field: DateField) =>
  z
    .string()
    .trim()
    .refine((value) => value === '' || isCalendarDate(value), {
      message: `Enter “${DATE_LABELS[field]}” as a real calendar date (year-month-day, such as 2019-11-18), or leave it empty.`,
    })
    .transform((value) => (value === '' ? null : value));

/** The dates form's fields (the route's schema adds its intent): each a real calendar day, or empty while not known. */
export const IncidentDatesFields = z.object({
  incidentId: z.string().min(1).max(60),
  discoveredOn: day('discoveredOn'),
  determinedOn: day('determinedOn'),
  authoritiesNotifiedOn: day('authoritiesNotifiedOn'),
  customersNotifiedOn: day('customersNotifiedOn'),
});

export const NOTICE_DAYS = 30;

export type NoticeRule = 'fcc' | 'california';

/** Each rule's name, source, and the date its 30 days count from. */
export const NOTICE_RULES: Record<NoticeRule, { name: string; source: string; countsFrom: DateField; window: string }> = {
  fcc: {
    name: 'FCC',
    source: '47 CFR 64.2011 (2023)',
    countsFrom: 'determinedOn',
    window: '30 days after determination',
  },
  california: {
    name: 'California',
    source: 'Civil Code 1798.82 (SB 446, 2026)',
    countsFrom: 'discoveredOn',
    window: '30 days after discovery',
  },
};

export type DeadlineStatus =
  | { kind: 'not-determined' }
  | { kind: 'met' }
  | { kind: 'missed'; days: number; customersNotified: boolean }
  | { kind: 'open'; daysLeft: number };

export interface NoticeDeadline {
  rule: NoticeRule;
  /** The last day customers may be notified on; null while the day it counts from is not recorded. */
  dueOn: string | null;
  status: DeadlineStatus;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a day that exists on the calendar: "2024-02-29" yes, "2023-02-29" and "2019-11" no. */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** One rule's deadline, judged on the day customers were notified, or on `today` while they are not yet. */
export function noticeDeadline(rule: NoticeRule, dates: IncidentDates, today: string): NoticeDeadline {
  const start = dates[NOTICE_RULES[rule].countsFrom];
  if (!start) return { rule, dueOn: null, status: { kind: 'not-determined' } };
  const dueOn = addDays(start, NOTICE_DAYS);
  const notified = dates.customersNotifiedOn;
  if (notified) {
    const late = daysBetween(dueOn, notified);
    return { rule, dueOn, status: late > 0 ? { kind: 'missed', days: late, customersNotified: true } : { kind: 'met' } };
  }
  const left = daysBetween(today, dueOn);
  return { rule, dueOn, status: left >= 0 ? { kind: 'open', daysLeft: left } : { kind: 'missed', days: -left, customersNotified: false } };
}

export function noticeDeadlines(dates: IncidentDates, today: string): NoticeDeadline[] {
  return (Object.keys(NOTICE_RULES) as NoticeRule[]).map((rule) => noticeDeadline(rule, dates, today));
}

const days = (count: number) => `${count} day${count === 1 ? '' : 's'}`;

/** "met", "missed by 3 days", "12 days left", "not yet determined": what the page says of a deadline (the page adds
 * whether customers are still waiting for their notice). */
export function deadlineStatusText(status: DeadlineStatus): string {
  switch (status.kind) {
    case 'not-determined':
      return 'not yet determined';
    case 'met':
      return 'met';
    case 'missed':
      return `missed by ${days(status.days)}`;
    case 'open':
      return status.daysLeft === 0 ? 'due today' : `${days(status.daysLeft)} left`;
  }
}
