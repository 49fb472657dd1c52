import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from 'remix-i18next/react';
import { GeneralErrorBoundary } from './components/error-boundary';
import { SiteFooter, SiteHeader } from './components/site-header';
import { DEFAULT_LANGUAGE } from './i18n/config';
import { translatorFor } from './i18n/translator';
import { requestLanguage } from './services/i18n.server';
import { getCustomerSession } from './services/session.server';
import stylesUrl from './styles/app.css';
import { useNonce } from './utils/nonce-provider';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesUrl },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: translatorFor(data?.locale ?? DEFAULT_LANGUAGE)('common:brand') }];

// Whether someone is signed in and the page's language: the header needs nothing more, and every page gets both.
// server/private-page-memo.ts runs this loader to key the page, and Remix runs it again on a miss: it must stay free of
// side effects (docs/decisions/003-page-memo.md).
export async function loader({ request }: LoaderFunctionArgs) {
  const [session, locale] = await Promise.all([getCustomerSession(request), requestLanguage(request)]);
  return { signedIn: session !== null, locale };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const root = useRouteLoaderData<typeof loader>('root');
  const { t, i18n } = useTranslation();
  const signedIn = root?.signedIn ?? false;
  const locale = root?.locale ?? i18n.language;
  useChangeLanguage(locale);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('skipLink')}
        </a>
        <SiteHeader signedIn={signedIn} />
        <main id="main" className="container">
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
