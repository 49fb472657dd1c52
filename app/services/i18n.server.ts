// The page's language (DESIGN section 10): ?lng=, then the choice remembered in this browser, then the signed-in
// person's stored choice, then Accept-Language (es-US, es-MX… mean Spanish), then English. Staff pages stay English.
import { createCookie } from '@remix-run/node';
import type { TFunction } from 'i18next';
import { RemixI18Next } from 'remix-i18next/server';
import { getConfig } from '~/config.server';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '~/i18n/config';
import { onMissingTranslation, translatorFor } from '~/i18n/translator';
import { findPersonById, setPersonLanguage } from '~/models/person.server';
import { log } from './logger.server';
import { getCustomerSession, type CustomerSession } from './session.server';

const YEAR_SECONDS = 365 * 24 * 60 * 60;
const STAFF_AREA = /^\/(agent|admin|staff)(\/|$)/;

onMissingTranslation((key) => log('warn', 'missing translation', { key }));

let cookie: ReturnType<typeof createCookie> | undefined;
/** The remembered choice: not secret, not signed; anything but a supported language is ignored. */
export function languageCookie() {
  cookie ??= createCookie(getConfig().secureCookies ? '__Host-bc_lng' : 'bc_lng', {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: getConfig().secureCookies,
    maxAge: YEAR_SECONDS,
  });
  return cookie;
}

let detector: RemixI18Next | undefined;
function languageDetector(): RemixI18Next {
  detector ??= new RemixI18Next({
    detection: {
      supportedLanguages: [...LANGUAGES],
      fallbackLanguage: DEFAULT_LANGUAGE,
      cookie: languageCookie(),
      order: ['searchParams', 'cookie', 'custom', 'header'],
      findLocale: async (request) => (await getCustomerSession(request))?.language ?? null,
    },
  });
  return detector;
}

export async function requestLanguage(request: Request): Promise<Language> {
  if (STAFF_AREA.test(new URL(request.url).pathname)) return DEFAULT_LANGUAGE;
  const language = await languageDetector().getLocale(request);
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/** The translator for the request's page language, for loaders and actions that word something themselves. */
export async function requestTranslator(request: Request): Promise<TFunction> {
  return translatorFor(await requestLanguage(request));
}

/** Remembers a choice in this browser and, for a signed-in person, with them (their codes and pages follow it). */
export async function chooseLanguage(language: Language, session: CustomerSession | null): Promise<string> {
  if (session) await setPersonLanguage(session.customerId, language);
  return languageCookie().serialize(language);
}

/** A person who never chose keeps the language they enrolled in: their codes and notices to their line use it. */
export async function adoptPageLanguage(request: Request, personId: number): Promise<void> {
  const person = await findPersonById(personId);
  if (person && person.language === null) await setPersonLanguage(personId, await requestLanguage(request));
}

/** The language a signed-out visitor without ?lng= reads a page in: the public-page cache keeps one copy per language. */
export async function visitorLanguage(headers: { cookie?: string; acceptLanguage?: string }): Promise<Language> {
  const request = new Request('http://visitor.invalid/', {
    headers: {
      ...(headers.cookie ? { Cookie: headers.cookie } : {}),
      ...(headers.acceptLanguage ? { 'Accept-Language': headers.acceptLanguage } : {}),
    },
  });
  return requestLanguage(request);
}
