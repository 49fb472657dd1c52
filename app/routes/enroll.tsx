// Enrollment: account number + phone → code to the contacts on file → verify → create a passkey → signed in.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { Trans, useTranslation } from 'react-i18next';
import { z } from 'zod';
import { EnrollForm } from '~/components/enroll-fields';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PasskeyButton } from '~/components/passkey-button';
import { pageTitle } from '~/i18n/translator';
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
import { fieldFailure, parseForm } from '~/services/form.server';
import { accountNumberField, oneTimeCodeField, phoneField } from '~/utils/identity-fields';
import { createPasskey } from '~/utils/passkey-client';

export const meta: MetaFunction = pageTitle('auth:enroll.metaTitle');

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
  const form = await parseForm(request, EnrollAction, { formMessage: 'auth:enroll.incomplete' });
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
    if (!verified) return fieldFailure('code', form.t(WRONG_CODE_MESSAGE), form.values);
    return goTo(enrollmentStateCookie(verified));
  }
  // "Start again", or a step that expired meanwhile: back to the first step.
  return goTo(enrollmentStateCookie(null));
}

export default function Enroll() {
  const view = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation('auth');

  return (
    <div className="narrow">
      <p className="eyebrow">{t('enroll.eyebrow')}</p>
      {view.step === 'details' ? (
        <>
          <h1>{t('enroll.detailsTitle')}</h1>
          <p className="lead">{t('enroll.detailsLead')}</p>
          <EnrollForm
            fields={['accountNumber', 'phone']}
            intent="send-code"
            submitLabel={t('enroll.sendCode')}
            answer={answer}
            busy={busy}
          />
          <p>
            <Link to="/enroll/agent-code">{t('enroll.haveAgentCode')}</Link>
          </p>
        </>
      ) : null}

      {view.step === 'code' ? (
        <>
          <h1>{t('enroll.codeTitle')}</h1>
          <div className="alert alert--ok" role="status">
            <p>{t('enroll.codeSent')}</p>
          </div>
          <p>{t('enroll.codeHint')}</p>
          <EnrollForm fields={['code']} intent="verify" submitLabel={t('enroll.verify')} answer={answer} busy={busy} />
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="resend" className="button--secondary" disabled={busy}>
              {t('enroll.resend')}
            </button>
            <button type="submit" name="intent" value="start-over" className="button--secondary" disabled={busy}>
              {t('enroll.startOver')}
            </button>
          </Form>
        </>
      ) : null}

      {view.step === 'create' ? (
        <>
          <h1>{t('enroll.createTitle')}</h1>
          <p className="lead">{t('enroll.createLead')}</p>
          {view.hasPasskey ? (
            <div className="alert alert--warn">
              <p>
                <Trans
                  t={t}
                  i18nKey="enroll.alreadyHave"
                  components={{
                    signIn: <Link to={`/sign-in?redirectTo=${encodeURIComponent(view.agentReset ? '/account/pin' : '/account')}`} />,
                  }}
                />
              </p>
            </div>
          ) : null}
          <section className="card">
            <PasskeyButton run={() => createPasskey('enroll')}>{t('enroll.create')}</PasskeyButton>
          </section>
          <Form method="post">
            <button type="submit" name="intent" value="start-over" className="button--secondary">
              {t('enroll.startOver')}
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
