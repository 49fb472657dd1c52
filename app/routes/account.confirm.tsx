// Step-up: a passkey confirmation bound to the signed-in customer before a sensitive change, then back to it.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PasskeyButton } from '~/components/passkey-button';
import { requireCustomer } from '~/services/session.server';
import { authenticateWithPasskey } from '~/utils/passkey-client';
import { safeAccountRedirect } from '~/utils/safe-redirect';

export const meta: MetaFunction = () => [{ title: 'Confirm it is you · Breach check' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCustomer(request);
  return { redirectTo: safeAccountRedirect(new URL(request.url).searchParams.get('redirectTo')) };
}

export default function ConfirmWithPasskey() {
  const { redirectTo } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>Confirm it is you</h1>
      <p className="lead">
        Before this change we ask for your passkey again, so someone using a browser you left signed in cannot make it.
      </p>
      <section className="card">
        <PasskeyButton run={() => authenticateWithPasskey({ mode: 'step-up' })} onSuccess={() => window.location.assign(redirectTo)}>
          Confirm with a passkey
        </PasskeyButton>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
