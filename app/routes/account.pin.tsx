import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { formatDay } from '~/components/exposure/checklist';
import { livePinStatus, PinRulesChecklist } from '~/components/pin-rules-checklist';
import { getPinResetContext } from '~/services/pin-reset-context.server';
import { changePin } from '~/services/pin.server';
import { hasRecentStepUp, requireCustomer, revokeOtherCustomerSessions } from '~/services/session.server';
import type { PinContext, PinRuleId } from '~/utils/pin-rules';
import { readForm } from '~/services/form.server';

export const meta: MetaFunction = () => [{ title: 'Change your account PIN | Breach check' }];

const ChangePinForm = z.object({
  intent: z.literal('change-pin'),
  pin: z.string().trim().max(64, 'Use 6 to 15 digits.'),
  confirmation: z.string().trim().max(64, 'Use 6 to 15 digits.'),
});
const SignOutOthersForm = z.object({ intent: z.literal('sign-out-others') });
const PinAction = z.discriminatedUnion('intent', [ChangePinForm, SignOutOthersForm]);

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  const context = await getPinResetContext(session.accountId);
  const done = new URL(request.url).searchParams.get('done') === '1' && context.pinStep.done;
  return { ...context, done, stepUpFresh: hasRecentStepUp(session) };
}

type ActionResult = { broken: PinRuleId[]; message?: string; signedOutOthers?: number };

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireCustomer(request);
  const parsed = PinAction.safeParse(await readForm(request));
  if (!parsed.success) {
    return data<ActionResult>({ broken: [], message: 'That form was incomplete. Please enter your new PIN twice.' }, { status: 400 });
  }
  if (parsed.data.intent === 'sign-out-others') {
    const signedOutOthers = await revokeOtherCustomerSessions(session);
    return data<ActionResult>({ broken: [], signedOutOthers });
  }
  if (!hasRecentStepUp(session)) {
    return data<ActionResult>(
      { broken: [], message: 'For your safety, confirm it is you with your passkey again, then choose your PIN.' },
      { status: 403 },
    );
  }
  const result = await changePin({
    accountId: session.accountId,
    pin: parsed.data.pin,
    confirmation: parsed.data.confirmation,
    actor: { type: 'customer', id: String(session.customerId) },
  });
  if (!result.ok) return data<ActionResult>({ broken: result.broken }, { status: 400 });
  return redirect('/account/pin?done=1', 303);
}

export default function PinReset() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (data.done) return <PinChanged changedOn={data.pinStep.doneAt} signedOutOthers={result?.signedOutOthers} />;
  return (
    <>
      <h1>Change your account PIN</h1>
      <WhyItMatters incidents={data.urgentIncidents} portOutKitExposed={data.portOutKitExposed} />
      <section className="card" aria-labelledby="step-confirm">
        <p className="eyebrow">Step 1 of 2</p>
        <h2 id="step-confirm">Confirm it&rsquo;s you</h2>
        {data.stepUpFresh ? (
          <p>
            <span className="tag tag--safe">Confirmed</span> You verified your passkey in the last 5 minutes.
          </p>
        ) : (
          <>
            <p>Before you choose a new PIN, confirm with your passkey. It takes a second and keeps anyone else at this screen from changing it.</p>
            <Link to="/account/confirm?redirectTo=/account/pin" className="button">
              Confirm it&rsquo;s you
            </Link>
          </>
        )}
      </section>
      <ChooseStep enabled={data.stepUpFresh} context={data.rulesContext} result={result} />
    </>
  );
}

function WhyItMatters({ incidents, portOutKitExposed }: { incidents: Array<{ id: string; title: string; exposed: string[] }>; portOutKitExposed: boolean }) {
  return (
    <section className="card" aria-labelledby="why-title">
      <h2 id="why-title">Why now</h2>
      <p>
        Your account PIN is what we ask for before moving your number to a new SIM or another carrier, by phone or in a store.
        {portOutKitExposed ? ' The details exposed for your account are the ones a fraudster would use to try exactly that, so the PIN is the lock that stops them.' : ''}
      </p>
      {incidents.length > 0 ? (
        <ul className="link-list">
          {incidents.map((incident) => (
            <li key={incident.id}>
              <strong>{incident.title}:</strong> {incident.exposed.join(', ')}
            </li>
          ))}
        </ul>
      ) : (
        <p>Your account was not in any of the incidents. A PIN nobody could guess still keeps it that way.</p>
      )}
    </section>
  );
}

function ChooseStep({
  enabled,
  context,
  result,
}: {
  enabled: boolean;
  context: PinContext;
  result: ActionResult | undefined;
}) {
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [typed, setTyped] = useState(false);
  const navigation = useNavigation();
  // A new answer from the server takes over from live feedback until the customer types again.
  useEffect(() => setTyped(false), [result]);
  const serverBroken = typed ? [] : (result?.broken ?? []);
  const live = typed ? livePinStatus(pin, confirmation, context) : null;
  const confirmError = serverBroken.includes('confirm') || (live?.has('confirm') && confirmation.length >= pin.length);
  const pinInvalid = serverBroken.some((id) => id !== 'confirm');
  return (
    <section className="card" aria-labelledby="step-choose">
      <p className="eyebrow">Step 2 of 2</p>
      <h2 id="step-choose">Choose a new PIN</h2>
      {result?.message ? (
        <p className="alert alert--error" role="alert">
          {result.message}
        </p>
      ) : null}
      {serverBroken.length > 0 ? (
        <div className="alert alert--error" role="alert">
          <p>That PIN can&rsquo;t be used. Please choose another one that meets every rule below.</p>
        </div>
      ) : null}
      <p id="pin-rules-intro">Your new PIN must be:</p>
      <PinRulesChecklist pin={pin} broken={live} serverBroken={serverBroken} />
      <Form method="post" className="form" aria-describedby="pin-rules-intro">
        <input type="hidden" name="intent" value="change-pin" />
        <fieldset disabled={!enabled} className="plain-fieldset">
          <legend className="visually-hidden">New PIN</legend>
          <div className="field">
            <label htmlFor="pin">New PIN</label>
            <input
              id="pin"
              name="pin"
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={64}
              required
              aria-invalid={pinInvalid || undefined}
              value={pin}
              onChange={(event) => {
                setPin(event.target.value);
                setTyped(true);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="confirmation">Confirm new PIN</label>
            <input
              id="confirmation"
              name="confirmation"
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={64}
              required
              aria-invalid={confirmError || undefined}
              aria-describedby={confirmError ? 'confirmation-error' : undefined}
              value={confirmation}
              onChange={(event) => {
                setConfirmation(event.target.value);
                setTyped(true);
              }}
            />
            {confirmError ? (
              <p className="field-error" id="confirmation-error">
                The two PINs don&rsquo;t match.
              </p>
            ) : null}
          </div>
          <button type="submit" disabled={navigation.state === 'submitting'}>
            Change PIN
          </button>
        </fieldset>
        {!enabled ? <p className="hint">Confirm it&rsquo;s you first (step 1).</p> : null}
      </Form>
    </section>
  );
}

function PinChanged({ changedOn, signedOutOthers }: { changedOn: string | null; signedOutOthers?: number }) {
  return (
    <>
      <h1>Your PIN was changed</h1>
      <div className="alert alert--ok" role="status">
        <p>
          <strong>Done{changedOn ? ` on ${formatDay(changedOn)}` : ''}.</strong> Use your new PIN when you call us or visit a store. We sent a
          notice to the contacts on file; it has no links.
        </p>
      </div>
      <section className="card" aria-labelledby="others-title">
        <h2 id="others-title">Sign out everywhere else?</h2>
        {signedOutOthers !== undefined ? (
          <p role="status">
            {signedOutOthers === 0 ? 'There were no other sessions to sign out.' : `Signed out ${signedOutOthers} other session${signedOutOthers === 1 ? '' : 's'}.`}
          </p>
        ) : (
          <>
            <p>If you think someone else may have used your account, sign out every other browser where it is open.</p>
            <Form method="post">
              <input type="hidden" name="intent" value="sign-out-others" />
              <button type="submit" className="button--secondary">
                Sign out all other sessions
              </button>
            </Form>
          </>
        )}
      </section>
      <p>
        <Link to="/account">Back to your exposure</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
