// The signed-in area: every /account page needs a customer session; sub-navigation and the enrollment welcome.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { NavLink, Outlet, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { countPasskeys } from '~/models/passkey.server';
import { requireCustomer } from '~/services/session.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  const welcome = new URL(request.url).searchParams.get('welcome') === '1';
  // Only the passkey count is read; the welcome flag alone shows nothing account-specific.
  const passkeys = welcome ? await countPasskeys({ kind: 'customer', id: session.customerId }) : 0;
  return { welcome, olderPasskeys: passkeys > 1 };
}

const SECTIONS = [
  { to: '/account', label: 'Your exposure', end: true },
  { to: '/account/pin', label: 'Change PIN' },
  { to: '/account/passkeys', label: 'Passkeys' },
  { to: '/account/sessions', label: 'Sessions' },
  { to: '/account/statement', label: 'Statement' },
];

export default function AccountLayout() {
  const { welcome, olderPasskeys } = useLoaderData<typeof loader>();
  return (
    <>
      <nav aria-label="Your account" className="subnav no-print">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} end={section.end}>
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {welcome ? (
        <div className="alert alert--ok no-print" role="status">
          <p>
            Your passkey is set up and you are signed in. Next time, choose “Sign in with a passkey”.
            {olderPasskeys ? ' Your older passkeys still work until you remove them on Your passkeys.' : ''}
          </p>
        </div>
      ) : null}
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
