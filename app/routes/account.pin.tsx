// The account PIN: the holder changes it with the current PIN, or starts the 24-hour reset; anyone else can ask them.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { NewPinForm, type PinFormAnswer } from '~/components/pin/new-pin-fields';
import { PendingPinReset } from '~/components/pin/pending-reset';
import { AskTheHolder, PinChanged, ResetScheduled, WhyItMatters } from '~/components/pin/pin-views';
import { fieldFailure, formMessageFailure, parseForm } from '~/services/form.server';
import { askHolderToChangePin } from '~/services/people.server';
import { getPinResetContext } from '~/services/pin-reset-context.server';
import { cancelPinReset, requestPinReset } from '~/services/pin-reset.server';
import { changePin, type CurrentPinProblem } from '~/services/pin.server';
import { hasRecentStepUp, requireCustomer, revokeOtherCustomerSessions } from '~/services/session.server';
import { formatDateTime } from '~/utils/format-time';
import type { PinRuleId } from '~/utils/pin-rules';

export const meta: MetaFunction = () => [{ title: 'Change your account PIN | Breach check' }];

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

const pinField = z.string().trim().max(64, 'Use 6 to 15 digits.');
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

const STEP_UP_AGAIN = 'For your safety, confirm it is you with your passkey again, then choose your PIN.';
const PIN_REFUSED = 'That PIN can’t be used: choose one that meets every rule listed.';
// PINs are never sent back into the page, not even a refused one.
const SECRET_FIELDS = ['pin', 'confirmation', 'currentPin'];

function currentPinMessage(problem: CurrentPinProblem): string {
  if (problem.problem === 'missing') return 'Enter your current PIN, or choose "I don\'t know my current PIN".';
  if (problem.problem === 'locked') {
    return `Too many wrong PINs: PIN checks are locked until ${formatDateTime(problem.lockedUntil)}. You can still choose "I don't know my current PIN".`;
  }
  if (problem.lockedUntil)
    return `That is not your current PIN. That was the 5th wrong PIN: PIN checks are locked until ${formatDateTime(problem.lockedUntil)}.`;
  return `That is not your current PIN. ${problem.attemptsLeft} attempt${problem.attemptsLeft === 1 ? '' : 's'} left before PIN checks lock for 15 minutes.`;
}

const refused = (broken: PinRuleId[]) =>
  data<ActionResult>(
    {
      broken,
      errors: { fields: broken.some((rule) => rule !== 'confirm') ? { pin: PIN_REFUSED } : { confirmation: 'The two PINs don’t match.' } },
    },
    { status: 400 },
  );

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireCustomer(request);
  const form = await parseForm(request, PinAction, {
    secret: SECRET_FIELDS,
    formMessage: 'That form was incomplete. Please enter your new PIN twice.',
  });
  if (!form.ok) return form.answer;
  const input = form.data;
  switch (input.intent) {
    case 'sign-out-others':
      return data<ActionResult>({ signedOutOthers: await revokeOtherCustomerSessions(session) });
    case 'ask-holder': {
      const asked = await askHolderToChangePin(session);
      return asked.sent
        ? data<ActionResult>({
            asked: { sent: true, text: 'We sent the account holder a message. It has no links and changes nothing else.' },
          })
        : data<ActionResult>(
            { asked: { sent: false, text: `You asked recently. You can ask again in ${asked.retryAfter}.` } },
            { status: 429 },
          );
    }
    case 'cancel-reset': {
      const cancelled = await cancelPinReset({ kind: 'customer', session }, session.accountId);
      if (!cancelled) return formMessageFailure('There is no PIN reset waiting: it was already cancelled or has taken effect.', 409);
      return redirect('/account/pin?cancelled=1', 303);
    }
  }
  // Both ways of choosing a PIN move the lock on the account: they need a passkey confirmation in the last 5 minutes.
  if (!hasRecentStepUp(session)) return formMessageFailure(STEP_UP_AGAIN, 403);
  if (input.intent === 'start-reset') {
    const result = await requestPinReset({ session, pin: input.pin, confirmation: input.confirmation });
    if (!result.ok) return refused(result.broken);
    return redirect('/account/pin?scheduled=1', 303);
  }
  const result = await changePin({ session, currentPin: input.currentPin, pin: input.pin, confirmation: input.confirmation });
  if (result.ok) {
    const signedOut = input.signOutOthers ? await revokeOtherCustomerSessions(session) : null;
    return redirect(`/account/pin?done=1${signedOut === null ? '' : `&signedOut=${signedOut}`}`, 303);
  }
  if ('problem' in result) return fieldFailure('currentPin', currentPinMessage(result), {}, result.problem === 'locked' ? 429 : 400);
  return refused(result.broken);
}

export default function PinPage() {
  const view = useLoaderData<typeof loader>();
  // Every answer is the one form shape; some carry the PIN page's extras.
  const answer: ActionResult | undefined = useActionData<typeof action>();
  if (!view.isHolder) return <AskTheHolder pinDone={view.pinStep.done} asked={answer?.asked} />;
  if (view.done) return <PinChanged changedOn={view.pinStep.doneAt} signedOutOthers={answer?.signedOutOthers ?? view.signedOut} />;
  if (view.scheduled && view.pendingReset) return <ResetScheduled effectiveAt={view.pendingReset.effectiveAt} />;
  const choice = pinChoice(view);
  return (
    <>
      <h1>Change your account PIN</h1>
      {view.cancelled ? (
        <p className="alert alert--ok" role="status">
          The PIN reset was cancelled. Your account PIN has not changed.
        </p>
      ) : null}
      <WhyItMatters incidents={view.urgentIncidents} portOutKitExposed={view.portOutKitExposed} />
      {view.pendingReset ? <PendingPinReset effectiveAt={view.pendingReset.effectiveAt} /> : null}
      <section className="card" aria-labelledby="step-confirm">
        <p className="eyebrow">Step 1 of 2</p>
        <h2 id="step-confirm">Confirm it&rsquo;s you</h2>
        {view.stepUpFresh ? (
          <p>
            <span className="tag tag--safe">Confirmed</span> You verified your passkey in the last 5 minutes.
          </p>
        ) : (
          <>
            <p>
              Before you choose a new PIN, confirm with your passkey. It takes a second and keeps anyone else at this screen from changing
              it.
            </p>
            <Link
              to={`/account/confirm?redirectTo=${encodeURIComponent(view.forgot ? '/account/pin?forgot=1' : '/account/pin')}`}
              className="button"
            >
              Confirm it&rsquo;s you
            </Link>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="step-choose">
        <p className="eyebrow">Step 2 of 2</p>
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
function pinChoice(view: { forgot: boolean; pinSet: boolean }) {
  if (view.forgot) {
    return {
      intent: 'start-reset' as const,
      title: 'Choose a new PIN without the current one',
      intro: (
        <>
          Your new PIN takes effect <strong>24 hours</strong> after you choose it. We tell your phone and email on file at once, so if
          someone else started this, you can stop it. Until then your current PIN keeps working.
        </>
      ),
      submitLabel: 'Start the 24-hour reset',
      otherWay: (
        <p>
          <Link to="/account/pin">I remember my current PIN</Link>
        </p>
      ),
    };
  }
  return {
    intent: 'change-pin' as const,
    title: view.pinSet ? 'Choose a new PIN' : 'Choose your account PIN',
    intro: view.pinSet ? null : 'Your account has no PIN yet: the one you choose takes effect at once.',
    submitLabel: 'Change PIN',
    otherWay: view.pinSet ? (
      <Form method="get" className="actions">
        <input type="hidden" name="forgot" value="1" />
        <button type="submit" className="button--secondary">
          I don&rsquo;t know my current PIN
        </button>
      </Form>
    ) : null,
  };
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
