// A translator for a language, usable where hooks are not (meta functions, the server's loaders, actions, notices).
import type { i18n, TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './config';
import { createI18n } from './instance';

const instances = new Map<Language, i18n>();
let reportMissing: ((key: string) => void) | undefined;

/** Where a key missing from the catalogs is reported (the server's log, the browser's console); set before first use. */
export function onMissingTranslation(report: (key: string) => void): void {
  reportMissing = report;
}

export function i18nFor(language: Language): i18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = createI18n(language, reportMissing);
    instances.set(language, instance);
  }
  return instance;
}

export function translatorFor(language: Language): TFunction {
  return i18nFor(language).t;
}

/** The page's language from the root loader's data, for meta functions. */
export function languageOfMatches(matches: ReadonlyArray<{ id: string; data?: unknown }>): Language {
  const locale = (matches.find((match) => match.id === 'root')?.data as { locale?: unknown } | undefined)?.locale;
  return isLanguage(locale) ? locale : DEFAULT_LANGUAGE;
}

/** A route's <title>: its own title in the page's language, then the site name. */
export function pageTitle(key: string) {
  return ({ matches }: { matches: ReadonlyArray<{ id: string; data?: unknown }> }) => {
    const t = translatorFor(languageOfMatches(matches));
    return [{ title: t('common:title', { page: t(key) }) }];
  };
}
