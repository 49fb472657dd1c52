import { Form, Link, NavLink, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '~/i18n/config';

// Staff pages carry their own navigation and sign-out, and stay in English; customer links there would only confuse.
const STAFF_AREA = /^\/(agent|admin|staff)(\/|$)/;

export function SiteHeader({ signedIn = false }: { signedIn?: boolean }) {
  const { t } = useTranslation();
  const staffArea = STAFF_AREA.test(useLocation().pathname);
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            ◆
          </span>
          {t('brand')}
        </Link>
        {staffArea ? (
          <p className="site-header__area">{t('staffArea')}</p>
        ) : (
          <nav aria-label={t('nav.label')}>
            <ul className="nav-list">
              <li>
                <NavLink to="/incidents">{t('nav.incidents')}</NavLink>
              </li>
              {signedIn ? (
                <>
                  <li>
                    <NavLink to="/account">{t('nav.account')}</NavLink>
                  </li>
                  <li>
                    <Form method="post" action="/sign-out" reloadDocument>
                      <button type="submit" className="button--link">
                        {t('nav.signOut')}
                      </button>
                    </Form>
                  </li>
                </>
              ) : (
                <li>
                  <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
                </li>
              )}
              <li>
                <LanguageSwitch />
              </li>
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}

/** "Español" on English pages, "English" on Spanish ones: a form, so it works without JavaScript, back to this page. */
function LanguageSwitch() {
  const { i18n } = useTranslation();
  const location = useLocation();
  const other: Language = LANGUAGES.find((language) => language !== i18n.language) ?? 'en';
  const search = new URLSearchParams(location.search);
  search.delete('lng');
  const here = `${location.pathname}${search.size > 0 ? `?${search}` : ''}`;
  return (
    <Form method="post" action="/language" reloadDocument className="language-switch">
      <input type="hidden" name="lng" value={other} />
      <input type="hidden" name="redirectTo" value={here} />
      <button type="submit" className="button--link" lang={other}>
        {LANGUAGE_NAMES[other]}
      </button>
    </Form>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('footer.noLinks')}</p>
        <p>{t('footer.timeZone')}</p>
      </div>
    </footer>
  );
}
