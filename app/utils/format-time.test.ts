import { describe, expect, it } from 'vitest';
import { calendarDate, formatCalendarDate, formatDateTime, startOfCalendarDate } from './format-time';

describe('one time convention: Pacific time, said on every time', () => {
  it('writes an instant in Pacific time with its name, in winter and in summer', () => {
    expect(formatDateTime(new Date('2026-12-02T17:12:00Z'))).toBe('December 2, 2026 at 9:12 AM Pacific time');
    expect(formatDateTime(new Date('2026-07-02T16:12:00Z'))).toBe('July 2, 2026 at 9:12 AM Pacific time');
    expect(formatDateTime(null)).toBeNull();
  });

  it('dates an instant by its Pacific calendar day, and writes calendar days one way', () => {
    expect(calendarDate(new Date('2026-12-02T07:59:00Z'))).toBe('2026-12-01');
    expect(calendarDate(new Date('2026-12-02T08:00:00Z'))).toBe('2026-12-02');
    expect(formatCalendarDate('2026-12-02')).toBe('December 2, 2026');
  });

  it('finds when a Pacific day starts, across daylight saving time', () => {
    expect(startOfCalendarDate('2026-12-02').toISOString()).toBe('2026-12-02T08:00:00.000Z');
    expect(startOfCalendarDate('2026-07-02').toISOString()).toBe('2026-07-02T07:00:00.000Z');
    expect(startOfCalendarDate('2026-03-08').toISOString()).toBe('2026-03-08T08:00:00.000Z'); // the day clocks go forward
  });
});
