// "I have a code from an agent": account number + a code an agent sent to the contacts on file; no code is sent here.
import { redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { EnrollForm } from '~/components/enroll-fields';
import { browserBinding, enrollmentStateCookie, verifyEnrollmentCode, WRONG_CODE_MESSAGE } from '~/services/enrollment.server';
import { fieldFailure, parseForm } from '~/services/form.server';
import { accountNumberField, oneTimeCodeField } from '~/utils/identity-fields';

export const meta: MetaFunction = () => [{ title: 'I have a code from an agent · Breach check' }];

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
  if (!verified) return fieldFailure('code', WRONG_CODE_MESSAGE, form.values, 400, headers);
  headers.append('Set-Cookie', enrollmentStateCookie(verified));
  return redirect('/enroll', { headers });
}

export default function AgentCode() {
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <div className="narrow">
      <p className="eyebrow">Set up a passkey</p>
      <h1>I have a code from an agent</h1>
      <p className="lead">
        If you called us, the agent texted a 6-digit code to the account holder&rsquo;s line. Enter it here with your account number. Agents
        never ask you to read the code back to them. Once you have a passkey, you choose a new PIN: it takes effect 24 hours later.
      </p>
      <EnrollForm fields={['accountNumber', 'code']} intent="verify" submitLabel="Verify" answer={answer} busy={busy} />
      <p>
        <Link to="/enroll">Get a code sent instead</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
