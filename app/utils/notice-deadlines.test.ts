import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  deadlineStatusText,
  IncidentDatesFields,
  isCalendarDate,
  noticeDeadline,
  noticeDeadlines,
  type IncidentDates,
} from './notice-deadlines';

const none: IncidentDates = { discoveredOn: null, determinedOn: null, authoritiesNotifiedOn: null, customersNotifiedOn: null };
const dates = (overrides: Partial<IncidentDates>): IncidentDates => ({ ...none, ...overrides });

describe('calendar days', () => {
  it('knows which days exist', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2019-11-18')).toBe(true);
    for (const bad of ['2023-02-29', '2019-13-01', '2019-11-31', '2019-11', '19-11-18', '2019-1-8', '2019-11-18T00:00', '', 'today'])
      expect(isCalendarDate(bad), bad).toBe(false);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2019-11-18', 30)).toBe('2019-12-18');
    expect(addDays('2019-12-15', 30)).toBe('2020-01-14');
    expect(addDays('2024-02-10', 30)).toBe('2024-03-11');
    expect(addDays('2023-02-10', 30)).toBe('2023-03-12');
  });

  it('counts days either way, whatever the clocks do (US daylight saving starts on 2026-03-08)', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(daysBetween('2026-03-08', '2026-03-08')).toBe(0);
  });
});

describe('the dates form’s fields', () => {
  const form = {
    incidentId: '2019-11-prepaid',
    discoveredOn: ' 2019-11-18 ',
    determinedOn: '',
    authoritiesNotifiedOn: '',
    customersNotifiedOn: '',
  };

  it('reads a day, and an empty field as not known yet', () => {
    expect(IncidentDatesFields.parse(form)).toEqual({ ...none, incidentId: '2019-11-prepaid', discoveredOn: '2019-11-18' });
  });

  it('names the field whose day does not exist, and says how to write one', () => {
    const parsed = IncidentDatesFields.safeParse({ ...form, customersNotifiedOn: '2019-11-31' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toMatchObject([
      {
        path: ['customersNotifiedOn'],
        message: 'Enter “Customers notified” as a real calendar date (year-month-day, such as 2019-11-18), or leave it empty.',
      },
    ]);
  });
});

describe('the 30-day customer-notice deadlines', () => {
  const today = '2020-01-10';

  it('the FCC counts from the determination, California from discovery', () => {
    const [fcc, california] = noticeDeadlines(dates({ discoveredOn: '2019-11-04', determinedOn: '2019-11-20' }), today);
    expect(fcc).toMatchObject({ rule: 'fcc', dueOn: '2019-12-20' });
    expect(california).toMatchObject({ rule: 'california', dueOn: '2019-12-04' });
  });

  it('met when customers were notified on or before the due day', () => {
    const onTheDay = dates({ discoveredOn: '2019-11-04', determinedOn: '2019-11-20', customersNotifiedOn: '2019-12-20' });
    expect(noticeDeadline('fcc', onTheDay, today).status).toEqual({ kind: 'met' });
    expect(noticeDeadline('fcc', { ...onTheDay, customersNotifiedOn: '2019-11-25' }, today).status).toEqual({ kind: 'met' });
  });

  it('missed by the days between the due day and the notice', () => {
    const late = dates({ discoveredOn: '2019-11-04', determinedOn: '2019-11-20', customersNotifiedOn: '2019-12-23' });
    expect(noticeDeadline('fcc', late, today).status).toEqual({ kind: 'missed', days: 3, customersNotified: true });
    expect(noticeDeadline('california', late, today).status).toEqual({ kind: 'missed', days: 19, customersNotified: true });
  });

  it('while customers are not notified: the days left, or missed by the days since the due day', () => {
    const open = dates({ discoveredOn: '2019-12-20', determinedOn: '2019-12-31' });
    expect(noticeDeadline('fcc', open, today).status).toEqual({ kind: 'open', daysLeft: 20 });
    expect(noticeDeadline('california', open, '2020-01-19').status).toEqual({ kind: 'open', daysLeft: 0 });
    expect(noticeDeadline('california', open, '2020-01-21').status).toEqual({ kind: 'missed', days: 2, customersNotified: false });
  });

  it('not yet determined while the day a rule counts from is not recorded', () => {
    expect(noticeDeadline('fcc', dates({ discoveredOn: '2019-11-04' }), today)).toEqual({
      rule: 'fcc',
      dueOn: null,
      status: { kind: 'not-determined' },
    });
    expect(noticeDeadline('california', none, today).status).toEqual({ kind: 'not-determined' });
  });

  it('says each status in a few words', () => {
    expect(deadlineStatusText({ kind: 'met' })).toBe('met');
    expect(deadlineStatusText({ kind: 'missed', days: 1, customersNotified: true })).toBe('missed by 1 day');
    expect(deadlineStatusText({ kind: 'missed', days: 4, customersNotified: false })).toBe('missed by 4 days');
    expect(deadlineStatusText({ kind: 'open', daysLeft: 12 })).toBe('12 days left');
    expect(deadlineStatusText({ kind: 'open', daysLeft: 1 })).toBe('1 day left');
    expect(deadlineStatusText({ kind: 'open', daysLeft: 0 })).toBe('due today');
    expect(deadlineStatusText({ kind: 'not-determined' })).toBe('not yet determined');
  });
});
