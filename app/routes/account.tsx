// The signed-in area: every /account page needs a customer session; sub-navigation and the enrollment welcome.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { NavLink, Outlet, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
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

// Labels are keys in the account catalog (nav.*).
const SECTIONS: Array<{ to: string; label: string; end?: boolean; right?: Right; otherwise?: string }> = [
  { to: '/account', label: 'exposure', end: true },
  { to: '/account/pin', label: 'changePin', right: 'change-pin', otherwise: 'accountPin' },
  { to: '/account/passkeys', label: 'passkeys' },
  { to: '/account/sessions', label: 'sessions' },
  { to: '/account/protection', label: 'protection' },
  { to: '/account/people', label: 'people', right: 'manage-people' },
  { to: '/account/statement', label: 'statement', right: 'print-statement' },
];

export default function AccountLayout() {
  const { welcome, olderPasskeys, role } = useLoaderData<typeof loader>();
  const { t } = useTranslation('account');
  // A section someone may not use is left out (or renamed), not just refused when they get there.
  const sections = SECTIONS.filter((section) => !section.right || may(role, section.right) || section.otherwise).map((section) =>
    section.right && !may(role, section.right) ? { ...section, label: section.otherwise! } : section,
  );
  return (
    <>
      <nav aria-label={t('nav.label')} className="subnav no-print">
        <ul>
          {sections.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} end={section.end}>
                {t(`nav.${section.label}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {welcome ? (
        <div className="alert alert--ok no-print" role="status">
          <p>{t(olderPasskeys ? 'welcomeOlder' : 'welcome')}</p>
        </div>
      ) : null}
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
