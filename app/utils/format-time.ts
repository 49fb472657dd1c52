// Every time a person reads, on a page or in a notice, is US Pacific time and says so; every date reads one way per
// language (docs/decisions/010-one-time-zone.md), through Intl in that language. Formats are built once: creating an
// Intl.DateTimeFormat costs milliseconds.
import { LOCALES, type Language } from '~/i18n/config';

const ZONE = 'America/Los_Angeles';
export const TIME_ZONE_NAME = 'Pacific time';
const ZONE_SUFFIX: Record<Language, string> = { en: ' Pacific time', es: ', hora del Pacífico' };

const perLanguage = <T>(make: (locale: string) => T): Record<Language, T> => ({ en: make(LOCALES.en), es: make(LOCALES.es) });
const DATE_TIME = perLanguage((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE }));
// A calendar date is formatted at noon UTC of that day, so no zone can move it to the day before or after.
const DATE = perLanguage((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }));
const CALENDAR_DATE = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: ZONE });

/** "December 2, 2026 at 9:12 AM Pacific time", "2 de diciembre de 2026 a las 9:12 a.m., hora del Pacífico"; null for no time. */
export function formatDateTime(date: Date | number | null | undefined, language: Language = 'en'): string | null {
  if (date === null || date === undefined) return null;
  return `${DATE_TIME[language].format(date)}${ZONE_SUFFIX[language]}`;
}

/** The Pacific calendar date of an instant, as YYYY-MM-DD (what the checklist and statement date a step by). */
export function calendarDate(date: Date | number): string {
  return CALENDAR_DATE.format(date);
}

/** "2026-12-02" → "December 2, 2026" or "2 de diciembre de 2026". */
export function formatCalendarDate(isoDate: string, language: Language = 'en'): string {
  return DATE[language].format(new Date(`${isoDate}T12:00:00Z`));
}

/** A count in the reader's language (2,300,000). */
export function formatNumber(value: number, language: Language = 'en'): string {
  return value.toLocaleString(LOCALES[language]);
}

const HOUR_IN_ZONE = new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone: ZONE });

/** The instant a Pacific calendar day ("2026-12-02") starts: 08:00 UTC in winter, 07:00 UTC in summer. */
export function startOfCalendarDate(isoDate: string): Date {
  for (const offsetHours of [8, 7]) {
    const candidate = new Date(`${isoDate}T${String(offsetHours).padStart(2, '0')}:00:00Z`);
    if (calendarDate(candidate) === isoDate && Number(HOUR_IN_ZONE.format(candidate)) === 0) return candidate;
  }
  return new Date(`${isoDate}T08:00:00Z`);
}
