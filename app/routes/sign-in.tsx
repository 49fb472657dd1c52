// Passkey sign-in: autofill (conditional mediation, started on load) and the "Sign in with a passkey" button.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PasskeyButton } from '~/components/passkey-button';
import { getCustomerSession } from '~/services/session.server';
import { authenticateWithPasskey, autofillAvailable, cancelPasskeyRequest } from '~/utils/passkey-client';
import { safeRedirect } from '~/utils/safe-redirect';

export const meta: MetaFunction = () => [{ title: 'Sign in · Breach check' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'));
  if (await getCustomerSession(request)) throw redirect(redirectTo);
  return { redirectTo };
}

type AutofillState = 'idle' | 'pending' | 'unsupported' | 'done';

export default function SignIn() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const [autofill, setAutofill] = useState<AutofillState>('idle');
  const [autofillError, setAutofillError] = useState<string | null>(null);

  // Conditional mediation: the browser offers saved passkeys in the field's autofill list.
  useEffect(() => {
    let active = true;
    (async () => {
      if (!(await autofillAvailable())) {
        if (active) setAutofill('unsupported');
        return;
      }
      const outcome = await authenticateWithPasskey({
        mode: 'sign-in',
        autofill: true,
        redirectTo,
        onPending: () => active && setAutofill('pending'),
      });
      if (!active) return;
      setAutofill('done');
      if (outcome.ok) window.location.assign(outcome.redirectTo ?? '/account');
      // The browser ends a conditional request quietly (no passkey here, another request started); only our own
      // verification failures are worth showing.
      else if (!outcome.fromBrowser) setAutofillError(outcome.message);
    })();
    return () => {
      active = false;
      cancelPasskeyRequest();
    };
  }, [redirectTo]);

  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <p className="lead">Use the passkey you set up for your account. There is no password to remember.</p>
      <section className="card" aria-labelledby="passkey-title">
        <h2 id="passkey-title">Sign in with a passkey</h2>
        <form className="form" data-conditional={autofill} onSubmit={(event) => event.preventDefault()}>
          <div className="field">
            <label htmlFor="sign-in-username">Account</label>
            <span className="hint" id="sign-in-username-hint">
              Select this field to choose a passkey saved on this device, or use the button below.
            </span>
            <input
              id="sign-in-username"
              name="username"
              type="text"
              autoComplete="username webauthn"
              aria-describedby="sign-in-username-hint"
            />
          </div>
        </form>
        {autofillError ? (
          <p className="field-error" role="alert">
            {autofillError}
          </p>
        ) : null}
        <PasskeyButton run={() => authenticateWithPasskey({ mode: 'sign-in', redirectTo })}>Sign in with a passkey</PasskeyButton>
      </section>
      <section className="card" aria-labelledby="new-title">
        <h2 id="new-title">First time here, or lost your passkey?</h2>
        <p>
          We send a one-time code to the email and phone numbers on your account, then you create a passkey on this device. Your older
          passkeys keep working until you remove them.
        </p>
        <p>
          <Link to="/enroll" className="button button--secondary">
            Set up a passkey
          </Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
