// A staff member's enrollment link: shows who it is for, then creates their passkey and signs them in.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData, useParams } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PasskeyButton } from '~/components/passkey-button';
import { openInviteFor } from '~/services/staff-invites.server';
import { staffPasskeyCeremony } from '~/utils/passkey-client';

export const meta: MetaFunction = () => [{ title: 'Staff enrollment · Breach check' }, { name: 'referrer', content: 'no-referrer' }];

export async function loader({ params }: LoaderFunctionArgs) {
  const invite = await openInviteFor(params.token ?? '');
  if (!invite) {
    throw new Response('This enrollment link has expired or was already used. Ask an administrator for a new one.', { status: 410 });
  }
  return { name: invite.name, role: invite.role, expiresAt: invite.expiresAt.toISOString() };
}

export default function StaffEnroll() {
  const { name, role } = useLoaderData<typeof loader>();
  const { token } = useParams();
  return (
    <section className="card form" aria-labelledby="staff-enroll-title">
      <p className="eyebrow">Staff enrollment</p>
      <h1 id="staff-enroll-title">Welcome, {name}</h1>
      <p>
        You were invited as {role === 'admin' ? 'an administrator' : 'a support agent'}. Create a passkey on this device to sign in. This
        link works once.
      </p>
      <PasskeyButton run={() => staffPasskeyCeremony('enroll', `/staff/enroll/${token}/passkey`)}>Create passkey</PasskeyButton>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
