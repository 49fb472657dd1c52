// The languages customers read the portal in (DESIGN section 10), shared by the server and the browser bundle.
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language named in itself, as the switcher shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The BCP 47 locale dates and numbers are formatted in: US English and US Spanish. */
export const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };
