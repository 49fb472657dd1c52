// Enrollment: account number + phone → code to the contacts on file → verify → create a passkey → signed in.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PasskeyButton } from '~/components/passkey-button';
import { EnrollForm } from '~/components/enroll-fields';
import { findPerson, personHasPasskey } from '~/models/person.server';
import {
  enrollmentStateCookie,
  type EnrollmentState,
  browserBinding,
  readEnrollmentState,
  requestEnrollmentCode,
  verifyEnrollmentCode,
  WRONG_CODE_MESSAGE,
} from '~/services/enrollment.server';
import { CODE_SENT_MESSAGE } from '~/utils/enrollment-messages';
import { accountNumberField, oneTimeCodeField, phoneField } from '~/utils/identity-fields';
import { createPasskey } from '~/utils/passkey-client';
import { fieldFailure, parseForm } from '~/services/form.server';

export const meta: MetaFunction = () => [{ title: 'Set up a passkey · Breach check' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const state = readEnrollmentState(request);
  if (state?.step === 'verified') {
    const person = await findPerson(state.accountId, state.phone);
    return {
      step: 'create' as const,
      hasPasskey: person ? await personHasPasskey(person.id) : false,
      agentReset: state.purpose === 'agent-reset',
    };
  }
  if (state?.step === 'code-sent') return { step: 'code' as const };
  return { step: 'details' as const };
}

const EnrollAction = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('send-code'), accountNumber: accountNumberField, phone: phoneField }),
  z.object({ intent: z.literal('resend') }),
  z.object({ intent: z.literal('verify'), code: oneTimeCodeField }),
  z.object({ intent: z.literal('start-over') }),
]);

function goTo(...cookies: string[]) {
  const headers = new Headers();
  for (const cookie of cookies) headers.append('Set-Cookie', cookie);
  return redirect('/enroll', { headers });
}

/** After a code request: the next step's state, and the browser binding the code is tied to when it was just made. */
function codeRequested({ state, cookies }: { state: EnrollmentState; cookies: string[] }) {
  return goTo(enrollmentStateCookie(state), ...cookies);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, EnrollAction, { formMessage: 'That form was not complete. Please start again.' });
  if (!form.ok) return form.answer;
  const input = form.data;
  if (input.intent === 'send-code') return codeRequested(await requestEnrollmentCode(request, input, context));
  const state = readEnrollmentState(request);
  if (input.intent === 'resend' && state?.step === 'code-sent') {
    return codeRequested(await requestEnrollmentCode(request, state, context));
  }
  if (input.intent === 'verify' && state?.step === 'code-sent') {
    const verified = await verifyEnrollmentCode(
      browserBinding(request, true),
      { accountNumber: state.accountNumber, phone: state.phone, code: input.code, purposes: ['enroll'] },
      context,
    );
    if (!verified) return fieldFailure('code', WRONG_CODE_MESSAGE, form.values);
    return goTo(enrollmentStateCookie(verified));
  }
  // "Start again", or a step that expired meanwhile: back to the first step.
  return goTo(enrollmentStateCookie(null));
}

export default function Enroll() {
  const view = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';

  return (
    <div className="narrow">
      <p className="eyebrow">Set up a passkey</p>
      {view.step === 'details' ? (
        <>
          <h1>Tell us which account</h1>
          <p className="lead">
            We will text a one-time code to the phone number you enter, if it is a line on the account. Everyone on a family plan sets up
            their own passkey with their own line. Knowing an account number is not enough: you need the code.
          </p>
          <EnrollForm fields={['accountNumber', 'phone']} intent="send-code" submitLabel="Send code" answer={answer} busy={busy} />
          <p>
            <Link to="/enroll/agent-code">I have a code from an agent</Link>
          </p>
        </>
      ) : null}

      {view.step === 'code' ? (
        <>
          <h1>Enter your code</h1>
          <div className="alert alert--ok" role="status">
            <p>{CODE_SENT_MESSAGE}</p>
          </div>
          <p>The code has 6 digits and expires in 10 minutes. We will never call or text to ask you for it.</p>
          <EnrollForm fields={['code']} intent="verify" submitLabel="Verify" answer={answer} busy={busy} />
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="resend" className="button--secondary" disabled={busy}>
              Send a new code
            </button>
            <button type="submit" name="intent" value="start-over" className="button--secondary" disabled={busy}>
              Start again
            </button>
          </Form>
        </>
      ) : null}

      {view.step === 'create' ? (
        <>
          <h1>Create your passkey</h1>
          <p className="lead">
            Your code is confirmed. Now create a passkey: your device will ask for your fingerprint, face or screen lock. You use it to sign
            in from now on.
          </p>
          {view.hasPasskey ? (
            <div className="alert alert--warn">
              <p>
                You already have a passkey for this account. Your older passkeys still work until you remove them on Your passkeys, and we
                will tell you about this new one. If you still have one, you can{' '}
                <Link to={`/sign-in?redirectTo=${encodeURIComponent(view.agentReset ? '/account/pin' : '/account')}`}>
                  sign in with it instead
                </Link>
                .
              </p>
            </div>
          ) : null}
          <section className="card">
            <PasskeyButton run={() => createPasskey('enroll')}>Create passkey</PasskeyButton>
          </section>
          <Form method="post">
            <button type="submit" name="intent" value="start-over" className="button--secondary">
              Start again
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
