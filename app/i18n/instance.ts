// One i18next instance per language, built synchronously from the bundled catalogs: the server keeps one for each
// language for every request; the browser builds the one for the page's <html lang> before hydrating.
import i18next, { type i18n } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './config';
import { NAMESPACES, resources } from './resources';

export function createI18n(language: Language, onMissingKey?: (key: string) => void): i18n {
  // No global instance (initReactI18next): every render gets its language's instance from an I18nextProvider.
  const instance = i18next.createInstance();
  // Inline resources and initImmediate off: init finishes before this returns, so the first render has every string.
  void instance.init({
    lng: language,
    supportedLngs: [...LANGUAGES],
    fallbackLng: DEFAULT_LANGUAGE,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources,
    initImmediate: false,
    interpolation: { escapeValue: false }, // React escapes; notices are plain text
    returnNull: false,
    react: { useSuspense: false },
    saveMissing: onMissingKey !== undefined,
    missingKeyHandler: onMissingKey ? (_languages, namespace, key) => onMissingKey(`${namespace}:${key}`) : undefined,
  });
  return instance;
}
