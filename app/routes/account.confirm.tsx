// Step-up: a passkey confirmation bound to the signed-in customer before a sensitive change, then back to it.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PasskeyButton } from '~/components/passkey-button';
import { pageTitle } from '~/i18n/translator';
import { requireCustomer } from '~/services/session.server';
import { authenticateWithPasskey } from '~/utils/passkey-client';
import { safeAccountRedirect } from '~/utils/safe-redirect';

export const meta: MetaFunction = pageTitle('auth:confirm.metaTitle');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCustomer(request);
  return { redirectTo: safeAccountRedirect(new URL(request.url).searchParams.get('redirectTo')) };
}

export default function ConfirmWithPasskey() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const { t } = useTranslation('auth');
  return (
    <div className="narrow">
      <h1>{t('confirm.title')}</h1>
      <p className="lead">{t('confirm.lead')}</p>
      <section className="card">
        <PasskeyButton run={() => authenticateWithPasskey({ mode: 'step-up' })} onSuccess={() => window.location.assign(redirectTo)}>
          {t('confirm.button')}
        </PasskeyButton>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
