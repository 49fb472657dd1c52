// The signed-in area: every /account page needs a customer session; sub-navigation and the enrollment welcome.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { NavLink, Outlet, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { countPasskeys } from '~/models/passkey.server';
import { requireCustomer } from '~/services/session.server';
import { may, type Right } from '~/utils/rights';

// server/private-page-memo.ts runs this loader to key the page, and Remix runs it again on a miss: it must stay free of
// side effects (docs/decisions/003-page-memo.md).
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  const welcome = new URL(request.url).searchParams.get('welcome') === '1';
  // Only the passkey count is read; the welcome flag alone shows nothing account-specific.
  const passkeys = welcome ? await countPasskeys({ kind: 'customer', id: session.customerId }) : 0;
  return { welcome, olderPasskeys: passkeys > 1, role: session.role };
}

const SECTIONS: Array<{ to: string; label: string; end?: boolean; right?: Right; otherwise?: string }> = [
  { to: '/account', label: 'Your exposure', end: true },
  { to: '/account/pin', label: 'Change PIN', right: 'change-pin', otherwise: 'Account PIN' },
  { to: '/account/passkeys', label: 'Passkeys' },
  { to: '/account/sessions', label: 'Sessions' },
  { to: '/account/people', label: 'People', right: 'manage-people' },
  { to: '/account/statement', label: 'Statement', right: 'print-statement' },
];

export default function AccountLayout() {
  const { welcome, olderPasskeys, role } = useLoaderData<typeof loader>();
  // A section someone may not use is left out (or renamed), not just refused when they get there.
  const sections = SECTIONS.filter((section) => !section.right || may(role, section.right) || section.otherwise).map((section) =>
    section.right && !may(role, section.right) ? { ...section, label: section.otherwise! } : section,
  );
  return (
    <>
      <nav aria-label="Your account" className="subnav no-print">
        <ul>
          {sections.map((section) => (
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
