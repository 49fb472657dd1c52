import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage } from './i18n/config';
import { i18nFor, onMissingTranslation } from './i18n/translator';

// The server rendered the page in <html lang>'s language: hydrate in the same one, with every string already there.
onMissingTranslation((key) => console.error(`Missing translation: ${key}`));
const language = document.documentElement.lang;
const i18n = i18nFor(isLanguage(language) ? language : DEFAULT_LANGUAGE);

startTransition(() => {
  hydrateRoot(
    document,
    <I18nextProvider i18n={i18n}>
      <StrictMode>
        <RemixBrowser />
      </StrictMode>
    </I18nextProvider>,
  );
});
