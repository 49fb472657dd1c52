// Staff sign in with passkeys only: no passwords, nothing a phishing page could collect.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PasskeyButton } from '~/components/passkey-button';
import { getStaffSession } from '~/services/session.server';
import { staffHome } from '~/services/staff-auth.server';
import { staffPasskeyCeremony } from '~/utils/passkey-client';

export const meta: MetaFunction = () => [{ title: 'Staff sign-in · Breach check' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getStaffSession(request);
  if (session) throw redirect(staffHome(session.role));
  return null;
}

export default function StaffSignIn() {
  return (
    <section className="card form" aria-labelledby="staff-sign-in-title">
      <p className="eyebrow">Staff</p>
      <h1 id="staff-sign-in-title">Staff sign-in</h1>
      <p>Support agents and administrators sign in with the passkey they set up from their enrollment link.</p>
      <PasskeyButton run={() => staffPasskeyCeremony('sign-in', '/staff/auth')}>Sign in with a passkey</PasskeyButton>
      <p className="hint">No passkey yet? Ask an administrator for an enrollment link. We never ask staff for passwords.</p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
