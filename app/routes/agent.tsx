// The agent console: look a caller up, verify their PIN, send a guided-reset code, watch the reset happen.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { AccountCardSummary, ResetProgress } from '~/components/staff/account-card';
import { StaffBar } from '~/components/staff/staff-bar';
import { TextField } from '~/components/text-field';
import {
  accountCard,
  accountFromCard,
  cancelResetForCaller,
  lookUpAccount,
  sendPinResetCode,
  verifyCallerPin,
} from '~/services/agent-console.server';
import { fieldFailure, formMessageFailure, parseForm } from '~/services/form.server';
import { requireStaff } from '~/services/session.server';
import type { FormAnswer } from '~/utils/form-answer';
import { formatDateTime } from '~/utils/format-time';

export const meta: MetaFunction = () => [{ title: 'Agent console · Breach check' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const agent = await requireStaff(request);
  const cardToken = new URL(request.url).searchParams.get('card');
  const accountId = accountFromCard(agent, cardToken);
  return {
    agent: { name: agent.name, role: agent.role },
    cardToken: accountId === null ? null : cardToken,
    card: accountId === null ? null : await accountCard(accountId),
    cardExpired: cardToken !== null && accountId === null,
  };
}

const LookupForm = z.object({
  intent: z.literal('lookup'),
  query: z
    .string()
    .trim()
    .min(1, 'Enter the account number or a phone number on the account')
    .max(40, 'That is too long for an account or phone number'),
});
const VerifyForm = z.object({
  intent: z.literal('verify-pin'),
  card: z.string().max(500),
  pin: z
    .string()
    .trim()
    .regex(/^\d{4,15}$/, 'Type the digits the caller says: 4 to 15 digits'),
});
const SendCodeForm = z.object({ intent: z.literal('send-code'), card: z.string().max(500) });
const CancelResetForm = z.object({ intent: z.literal('cancel-reset'), card: z.string().max(500) });
const AgentAction = z.discriminatedUnion('intent', [LookupForm, VerifyForm, SendCodeForm, CancelResetForm]);

/** The one form answer, with the console's own results: the PIN check's outcome and what was sent or cancelled. */
type ActionAnswer = FormAnswer & { verify?: string; verifyOk?: boolean; sent?: string };

export async function action({ request }: ActionFunctionArgs) {
  const agent = await requireStaff(request);
  // The PIN the caller says is checked and forgotten: never sent back into the page.
  const form = await parseForm(request, AgentAction, {
    secret: ['pin'],
    formMessage: 'That request was not complete. Look the caller up again.',
  });
  if (!form.ok) return form.answer;
  const input = form.data;
  if (input.intent === 'lookup') {
    const result = await lookUpAccount(agent, input.query);
    if (!result.found) return fieldFailure('query', result.message, form.values, 404);
    return redirect(`/agent?card=${encodeURIComponent(result.card)}`);
  }
  const accountId = accountFromCard(agent, input.card);
  if (accountId === null) return formMessageFailure('This account card has expired. Look the caller up again.');
  if (input.intent === 'verify-pin') {
    const outcome = await verifyCallerPin(agent, accountId, input.pin);
    const verify =
      outcome.result === 'match'
        ? 'Match: the PIN is correct.'
        : outcome.result === 'no-pin'
          ? 'This account has no PIN yet. Send a PIN reset code so the customer can set one.'
          : outcome.result === 'locked'
            ? `Locked: too many wrong PINs. Verification is locked until ${formatDateTime(outcome.lockedUntil)}.`
            : outcome.lockedUntil
              ? `No match. That was the 5th wrong PIN: verification is locked until ${formatDateTime(outcome.lockedUntil)}.`
              : `No match. ${outcome.attemptsLeft} attempt${outcome.attemptsLeft === 1 ? '' : 's'} left before verification locks for 15 minutes.`;
    return data<ActionAnswer>({ verify, verifyOk: outcome.result === 'match' });
  }
  if (input.intent === 'cancel-reset') {
    if (!(await cancelResetForCaller(agent, accountId))) {
      return formMessageFailure('There is no PIN reset waiting on this account: it was already cancelled or has taken effect.', 409);
    }
    return data<ActionAnswer>({ sent: 'PIN reset cancelled. The PIN has not changed; the account holder was told.' });
  }
  const sent = await sendPinResetCode(agent, accountId);
  return data<ActionAnswer>({
    sent: `Code texted to the account holder's line ${sent.line}, and nowhere else. Ask the holder to open the portal themselves and choose "I have a code from an agent". The new PIN they choose takes effect 24 hours later.`,
  });
}

export default function AgentConsole() {
  const { agent, card, cardToken, cardExpired } = useLoaderData<typeof loader>();
  const answer: ActionAnswer | undefined = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const waiting = card?.resets.some((reset) => !reset.pinChangedAt && !reset.scheduledFor && !reset.expired) ?? false;

  // While a guided reset is under way, refresh the card every few seconds so the agent sees it progress on the call.
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => revalidator.state === 'idle' && revalidator.revalidate(), 3000);
    return () => clearInterval(timer);
  }, [waiting, revalidator]);

  return (
    <>
      <StaffBar name={agent.name} role={agent.role} />
      <h1>Agent console</h1>
      <Form method="post" className="form lookup-form" action="/agent">
        <input type="hidden" name="intent" value="lookup" />
        <TextField id="query" name="query" label="Account number or phone" inputMode="tel" autoComplete="off" answer={answer} />
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Look up
        </button>
      </Form>
      {cardExpired ? <p className="alert alert--warn">That account card has expired. Look the caller up again.</p> : null}
      {answer?.errors?.form ? (
        <p className="alert alert--error" role="alert">
          {answer.errors.form}
        </p>
      ) : null}
      {card && cardToken ? (
        <>
          <AccountCardSummary card={card} />
          <section className="card" aria-labelledby="verify-title">
            <h2 id="verify-title">Verify the caller&rsquo;s PIN</h2>
            {card.verification.locked ? (
              <p className="alert alert--error">Verification is locked until {card.verification.until} after 5 wrong PINs.</p>
            ) : null}
            {/* A new key after every answer clears the field: the PIN is checked and forgotten. */}
            <Form key={answer?.verify ?? 'verify'} method="post" className="form" action={`/agent?card=${encodeURIComponent(cardToken)}`}>
              <input type="hidden" name="intent" value="verify-pin" />
              <input type="hidden" name="card" value={cardToken} />
              <TextField
                id="pin"
                name="pin"
                label="PIN the caller says"
                hint="Typed, checked and forgotten: we show only match or no match."
                type="password"
                inputMode="numeric"
                autoComplete="off"
                answer={answer}
                keepValue={false}
              />
              <button type="submit">Verify PIN</button>
            </Form>
            {answer?.verify ? (
              <p className={answer.verifyOk ? 'alert alert--ok' : 'alert alert--error'} role="status">
                {answer.verify}
              </p>
            ) : null}
          </section>
          <section className="card" aria-labelledby="reset-title">
            <h2 id="reset-title">Guided PIN reset</h2>
            <p>
              Texts a one-time code to the account holder&rsquo;s own line. You never see it; the holder enters it on the portal and chooses
              a new PIN, which takes effect 24 hours later. Only the holder can change the PIN.
            </p>
            {card.pendingReset ? (
              <div className="alert alert--warn">
                <p>
                  A PIN reset is waiting: requested {card.pendingReset.requestedAt}, takes effect {card.pendingReset.effectiveAt}. If the
                  caller is the holder and did not ask for it, cancel it.
                </p>
                <Form method="post" action={`/agent?card=${encodeURIComponent(cardToken)}`}>
                  <input type="hidden" name="intent" value="cancel-reset" />
                  <input type="hidden" name="card" value={cardToken} />
                  <button type="submit" className="button--danger">
                    Cancel the PIN reset
                  </button>
                </Form>
              </div>
            ) : null}
            <Form method="post" action={`/agent?card=${encodeURIComponent(cardToken)}`}>
              <input type="hidden" name="intent" value="send-code" />
              <input type="hidden" name="card" value={cardToken} />
              <button type="submit">Send PIN reset code</button>
            </Form>
            {answer?.sent ? (
              <p className="alert alert--ok" role="status">
                {answer.sent}
              </p>
            ) : null}
            <div aria-live="polite">
              <ResetProgress resets={card.resets} />
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
