// The account PIN: the holder changes it with the current PIN, or starts the 24-hour reset; anyone else can ask them.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { NewPinForm, type PinFormAnswer } from '~/components/pin/new-pin-fields';
import { PendingPinReset } from '~/components/pin/pending-reset';
import { AskTheHolder, PinChanged, ResetScheduled, WhyItMatters } from '~/components/pin/pin-views';
import type { Language } from '~/i18n/config';
import { describeWait } from '~/i18n/message';
import { pageTitle } from '~/i18n/translator';
import { fieldFailure, formMessageFailure, parseForm } from '~/services/form.server';
import { askHolderToChangePin } from '~/services/people.server';
import { getPinResetContext } from '~/services/pin-reset-context.server';
import { cancelPinReset, requestPinReset } from '~/services/pin-reset.server';
import { changePin, type CurrentPinProblem } from '~/services/pin.server';
import { hasRecentStepUp, requireCustomer, revokeOtherCustomerSessions } from '~/services/session.server';
import { formatDateTime } from '~/utils/format-time';
import type { PinRuleId } from '~/utils/pin-rules';

export const meta: MetaFunction = pageTitle('pin:metaTitle');

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  const context = await getPinResetContext(session);
  const params = new URL(request.url).searchParams;
  return {
    ...context,
    done: params.get('done') === '1' && context.pinStep.done,
    signedOut: /^\d{1,4}$/.test(params.get('signedOut') ?? '') ? Number(params.get('signedOut')) : undefined,
    scheduled: params.get('scheduled') === '1' && context.pendingReset !== null,
    // Without a PIN there is nothing to forget: the holder sets one at once.
    forgot: params.get('forgot') === '1' && context.pinSet,
    cancelled: params.get('cancelled') === '1' && context.pendingReset === null,
    stepUpFresh: hasRecentStepUp(session),
  };
}

const pinField = z.string().trim().max(64, 'pin:errors.tooLong');
const PinAction = z.discriminatedUnion('intent', [
  // An unticked checkbox sends nothing: the box is ticked on the page, so leaving it ticked is the default.
  z.object({
    intent: z.literal('change-pin'),
    currentPin: pinField.optional(),
    pin: pinField,
    confirmation: pinField,
    signOutOthers: z.literal('on').optional(),
  }),
  z.object({ intent: z.literal('start-reset'), pin: pinField, confirmation: pinField }),
  z.object({ intent: z.literal('cancel-reset') }),
  z.object({ intent: z.literal('ask-holder') }),
  z.object({ intent: z.literal('sign-out-others') }),
]);

type ActionResult = PinFormAnswer & { signedOutOthers?: number; asked?: { sent: boolean; text: string } };

// PINs are never sent back into the page, not even a refused one.
const SECRET_FIELDS = ['pin', 'confirmation', 'currentPin'];

function currentPinMessage(t: TFunction, language: Language, problem: CurrentPinProblem): string {
  if (problem.problem === 'missing') return t('pin:errors.missingCurrent');
  const until = (date: Date) => formatDateTime(date, language);
  if (problem.problem === 'locked') return t('pin:errors.locked', { until: until(problem.lockedUntil) });
  if (problem.lockedUntil) return t('pin:errors.wrongAndLocked', { until: until(problem.lockedUntil) });
  return t('pin:errors.wrong', { count: problem.attemptsLeft });
}

const refused = (t: TFunction, broken: PinRuleId[]) =>
  data<ActionResult>(
    {
      broken,
      errors: {
        fields: broken.some((rule) => rule !== 'confirm') ? { pin: t('pin:form.refused') } : { confirmation: t('pin:form.mismatch') },
      },
    },
    { status: 400 },
  );

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireCustomer(request);
  const form = await parseForm(request, PinAction, { secret: SECRET_FIELDS, formMessage: 'pin:errors.incomplete' });
  if (!form.ok) return form.answer;
  const { data: input, t, language } = form;
  switch (input.intent) {
    case 'sign-out-others':
      return data<ActionResult>({ signedOutOthers: await revokeOtherCustomerSessions(session) });
    case 'ask-holder': {
      const asked = await askHolderToChangePin(session);
      return asked.sent
        ? data<ActionResult>({ asked: { sent: true, text: t('pin:holderOnly.asked') } })
        : data<ActionResult>(
            { asked: { sent: false, text: t('pin:holderOnly.askedRecently', { wait: describeWait(t, asked.retryAfterSeconds) }) } },
            { status: 429 },
          );
    }
    case 'cancel-reset': {
      const cancelled = await cancelPinReset({ kind: 'customer', session }, session.accountId);
      if (!cancelled) return formMessageFailure(t('pin:errors.noReset'), 409);
      return redirect('/account/pin?cancelled=1', 303);
    }
  }
  // Both ways of choosing a PIN move the lock on the account: they need a passkey confirmation in the last 5 minutes.
  if (!hasRecentStepUp(session)) return formMessageFailure(t('pin:errors.stepUpAgain'), 403);
  if (input.intent === 'start-reset') {
    const result = await requestPinReset({ session, pin: input.pin, confirmation: input.confirmation });
    if (!result.ok) return refused(t, result.broken);
    return redirect('/account/pin?scheduled=1', 303);
  }
  const result = await changePin({ session, currentPin: input.currentPin, pin: input.pin, confirmation: input.confirmation });
  if (result.ok) {
    const signedOut = input.signOutOthers ? await revokeOtherCustomerSessions(session) : null;
    return redirect(`/account/pin?done=1${signedOut === null ? '' : `&signedOut=${signedOut}`}`, 303);
  }
  if ('problem' in result)
    return fieldFailure('currentPin', currentPinMessage(t, language, result), {}, result.problem === 'locked' ? 429 : 400);
  return refused(t, result.broken);
}

export default function PinPage() {
  const view = useLoaderData<typeof loader>();
  // Every answer is the one form shape; some carry the PIN page's extras.
  const answer: ActionResult | undefined = useActionData<typeof action>();
  const { t } = useTranslation('pin');
  if (!view.isHolder) return <AskTheHolder pinDone={view.pinStep.done} asked={answer?.asked} />;
  if (view.done) return <PinChanged changedOn={view.pinStep.doneAt} signedOutOthers={answer?.signedOutOthers ?? view.signedOut} />;
  if (view.scheduled && view.pendingReset) return <ResetScheduled effectiveAt={view.pendingReset.effectiveAt} />;
  const choice = pinChoice(t, view);
  return (
    <>
      <h1>{t('title')}</h1>
      {view.cancelled ? (
        <p className="alert alert--ok" role="status">
          {t('cancelled')}
        </p>
      ) : null}
      <WhyItMatters incidents={view.urgentIncidents} portOutKitExposed={view.portOutKitExposed} />
      {view.pendingReset ? <PendingPinReset effectiveAt={view.pendingReset.effectiveAt} /> : null}
      <section className="card" aria-labelledby="step-confirm">
        <p className="eyebrow">{t('step.one')}</p>
        <h2 id="step-confirm">{t('confirm.title')}</h2>
        {view.stepUpFresh ? (
          <p>
            <span className="tag tag--safe">{t('confirm.confirmed')}</span> {t('confirm.fresh')}
          </p>
        ) : (
          <>
            <p>{t('confirm.intro')}</p>
            <Link
              to={`/account/confirm?redirectTo=${encodeURIComponent(view.forgot ? '/account/pin?forgot=1' : '/account/pin')}`}
              className="button"
            >
              {t('confirm.button')}
            </Link>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="step-choose">
        <p className="eyebrow">{t('step.two')}</p>
        <h2 id="step-choose">{choice.title}</h2>
        {choice.intro ? <p>{choice.intro}</p> : null}
        <NewPinForm
          intent={choice.intent}
          submitLabel={choice.submitLabel}
          enabled={view.stepUpFresh}
          context={view.rulesContext}
          answer={answer}
          withCurrentPin={choice.intent === 'change-pin' && view.pinSet}
        >
          {choice.otherWay}
        </NewPinForm>
      </section>
    </>
  );
}

/** The two ways the holder chooses a PIN: with the current one (or none yet), or the 24-hour reset without it. */
function pinChoice(t: TFunction, view: { forgot: boolean; pinSet: boolean }) {
  if (view.forgot) {
    return {
      intent: 'start-reset' as const,
      title: t('reset.title'),
      intro: <Trans t={t} i18nKey="reset.intro" components={{ strong: <strong /> }} />,
      submitLabel: t('reset.submit'),
      otherWay: (
        <p>
          <Link to="/account/pin">{t('reset.remember')}</Link>
        </p>
      ),
    };
  }
  return {
    intent: 'change-pin' as const,
    title: view.pinSet ? t('choose.title') : t('choose.firstTitle'),
    intro: view.pinSet ? null : t('choose.firstIntro'),
    submitLabel: t('choose.submit'),
    otherWay: view.pinSet ? (
      <Form method="get" className="actions">
        <input type="hidden" name="forgot" value="1" />
        <button type="submit" className="button--secondary">
          {t('choose.forgot')}
        </button>
      </Form>
    ) : null,
  };
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
