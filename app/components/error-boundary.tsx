// The one error page every route delegates to: plain words in the page's language, a way forward, never a stack trace.
import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { decodeMessage, translateMessage } from '~/i18n/message';

const KNOWN = new Set([400, 403, 404, 410, 429]);

export function GeneralErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const page = KNOWN.has(status) ? status : 500;
  // A thrown Response may say more than its status: the key of a customer sentence, or (staff pages) an English one.
  const said = isRouteErrorResponse(error) && typeof error.data === 'string' && status < 500 ? error.data : null;
  const message = said ? decodeMessage(said) : null;
  const detail = message ? translateMessage(t, message.key, message.values) : said;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="eyebrow">{t('error.eyebrow', { status })}</p>
      <h1 id="error-title">{t(`error.${page}.title`)}</h1>
      <p>{detail || t(`error.${page}.body`)}</p>
      <ul className="link-list">
        <li>
          <Link to="/">{t('error.home')}</Link>
        </li>
        <li>
          <Link to="/incidents">{t('error.incidents')}</Link>
        </li>
        <li>
          <Link to="/sign-in">{t('error.signIn')}</Link>
        </li>
      </ul>
    </section>
  );
}
