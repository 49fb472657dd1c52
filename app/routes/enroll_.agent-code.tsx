// "I have a code from an agent": account number + a code an agent sent to the contacts on file; no code is sent here.
import { redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { EnrollForm } from '~/components/enroll-fields';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { pageTitle } from '~/i18n/translator';
import { browserBinding, enrollmentStateCookie, verifyEnrollmentCode, WRONG_CODE_MESSAGE } from '~/services/enrollment.server';
import { fieldFailure, parseForm } from '~/services/form.server';
import { accountNumberField, oneTimeCodeField } from '~/utils/identity-fields';

export const meta: MetaFunction = pageTitle('auth:agentCode.metaTitle');

const AgentCodeForm = z.object({ accountNumber: accountNumberField, code: oneTimeCodeField });

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, AgentCodeForm);
  if (!form.ok) return form.answer;
  // Agents' reset codes and our own enrollment codes are both accepted here.
  // Wrong tries count against this browser: one that comes without a binding cookie gets one.
  const browser = browserBinding(request, true);
  const verified = await verifyEnrollmentCode(browser, { ...form.data, purposes: ['agent-reset', 'enroll'] }, context);
  const headers = new Headers();
  if (browser.setCookie) headers.append('Set-Cookie', browser.setCookie);
  if (!verified) return fieldFailure('code', form.t(WRONG_CODE_MESSAGE), form.values, 400, headers);
  headers.append('Set-Cookie', enrollmentStateCookie(verified));
  return redirect('/enroll', { headers });
}

export default function AgentCode() {
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation('auth');
  return (
    <div className="narrow">
      <p className="eyebrow">{t('enroll.eyebrow')}</p>
      <h1>{t('agentCode.title')}</h1>
      <p className="lead">{t('agentCode.lead')}</p>
      <EnrollForm fields={['accountNumber', 'code']} intent="verify" submitLabel={t('enroll.verify')} answer={answer} busy={busy} />
      <p>
        <Link to="/enroll">{t('agentCode.instead')}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
