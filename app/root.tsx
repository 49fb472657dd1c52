import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { GeneralErrorBoundary } from './components/error-boundary';
import { SiteFooter, SiteHeader } from './components/site-header';
import { getCustomerSession } from './services/session.server';
import stylesUrl from './styles/app.css';
import { useNonce } from './utils/nonce-provider';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesUrl },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [{ title: 'Breach check' }];

// Only whether someone is signed in: the header needs nothing more, and every page gets it.
// server/private-page-memo.ts runs this loader to key the page, and Remix runs it again on a miss: it must stay free of
// side effects (docs/decisions/003-page-memo.md).
export async function loader({ request }: LoaderFunctionArgs) {
  return { signedIn: (await getCustomerSession(request)) !== null };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const signedIn = useRouteLoaderData<typeof loader>('root')?.signedIn ?? false;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
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
