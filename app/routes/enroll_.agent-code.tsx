// "I have a code from an agent": account number + a code an agent sent to the contacts on file; no code is sent here.
import { data, redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { TextField } from '~/components/text-field';
import { enrollmentStateCookie, verifyEnrollmentCode, WRONG_CODE_MESSAGE } from '~/services/enrollment.server';
import { accountNumberField, fieldErrors, oneTimeCodeField } from '~/utils/identity-fields';
import { readForm } from '~/services/form.server';

export const meta: MetaFunction = () => [{ title: 'I have a code from an agent · Breach check' }];

const agentCodeSchema = z.object({ accountNumber: accountNumberField, code: oneTimeCodeField });

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const parsed = agentCodeSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  // Agents' reset codes and our own enrollment codes are both accepted here.
  const verified = await verifyEnrollmentCode({ ...parsed.data, purposes: ['agent-reset', 'enroll'] }, context);
  if (!verified) return data({ errors: { code: WRONG_CODE_MESSAGE } as Record<string, string>, values }, { status: 400 });
  return redirect('/enroll', { headers: { 'Set-Cookie': enrollmentStateCookie(verified) } });
}

export default function AgentCode() {
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const errors: Record<string, string> = answer?.errors ?? {};
  const values: Record<string, string> = answer?.values ?? {};
  return (
    <div className="narrow">
      <p className="eyebrow">Set up a passkey</p>
      <h1>I have a code from an agent</h1>
      <p className="lead">
        If you called us, the agent texted a 6-digit code to the account holder&rsquo;s line. Enter it here with your
        account number. Agents never ask you to read the code back to them. Once you have a passkey, you choose a new
        PIN: it takes effect 24 hours later.
      </p>
      <Form method="post" className="card form" noValidate>
        <TextField
          id="accountNumber"
          name="accountNumber"
          label="Account number"
          hint="9 digits, printed on your bill."
          inputMode="numeric"
          autoComplete="off"
          defaultValue={values.accountNumber}
          error={errors.accountNumber}
        />
        <TextField
          id="code"
          name="code"
          label="Code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          defaultValue={values.code}
          error={errors.code}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Verify
          </button>
        </div>
      </Form>
      <p>
        <Link to="/enroll">Get a code sent instead</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
