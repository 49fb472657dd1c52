// Passkey sign-in: autofill (conditional mediation, started on load) and the "Sign in with a passkey" button.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PasskeyButton } from '~/components/passkey-button';
import { pageTitle } from '~/i18n/translator';
import { getCustomerSession } from '~/services/session.server';
import { authenticateWithPasskey, autofillAvailable, cancelPasskeyRequest } from '~/utils/passkey-client';
import { safeRedirect } from '~/utils/safe-redirect';

export const meta: MetaFunction = pageTitle('auth:signIn.metaTitle');

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'));
  if (await getCustomerSession(request)) throw redirect(redirectTo);
  return { redirectTo };
}

type AutofillState = 'idle' | 'pending' | 'unsupported' | 'done';

export default function SignIn() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const { t } = useTranslation('auth');
  const [autofill, setAutofill] = useState<AutofillState>('idle');
  const [autofillError, setAutofillError] = useState<string | null>(null);

  // Conditional mediation: the browser offers saved passkeys in the field's autofill list.
  useEffect(() => {
    let active = true;
    void (async () => {
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
      else if (!outcome.fromBrowser) setAutofillError(outcome.message ?? t(outcome.messageKey));
    })();
    return () => {
      active = false;
      cancelPasskeyRequest();
    };
  }, [redirectTo, t]);

  return (
    <div className="narrow">
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.lead')}</p>
      <section className="card" aria-labelledby="passkey-title">
        <h2 id="passkey-title">{t('signIn.passkeyTitle')}</h2>
        <form className="form" data-conditional={autofill} onSubmit={(event) => event.preventDefault()}>
          <div className="field">
            <label htmlFor="sign-in-username">{t('signIn.accountLabel')}</label>
            <span className="hint" id="sign-in-username-hint">
              {t('signIn.accountHint')}
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
        <PasskeyButton run={() => authenticateWithPasskey({ mode: 'sign-in', redirectTo })}>{t('signIn.button')}</PasskeyButton>
      </section>
      <section className="card" aria-labelledby="new-title">
        <h2 id="new-title">{t('signIn.newTitle')}</h2>
        <p>{t('signIn.newText')}</p>
        <p>
          <Link to="/enroll" className="button button--secondary">
            {t('signIn.setUp')}
          </Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
