// The PIN page's other states: why it matters, done, scheduled, and what people other than the holder see.
import { Link } from '@remix-run/react';
import { formatCalendarDate, formatDateTime } from '~/utils/format-time';
import { ActionButton } from '~/components/action-button';

export function WhyItMatters({
  incidents,
  portOutKitExposed,
}: {
  incidents: Array<{ id: string; title: string; exposed: string[] }>;
  portOutKitExposed: boolean;
}) {
  return (
    <section className="card" aria-labelledby="why-title">
      <h2 id="why-title">Why now</h2>
      <p>
        Your account PIN is what we ask for before moving your number to a new SIM or another carrier, by phone or in a store.
        {portOutKitExposed
          ? ' The details exposed for your account are the ones a fraudster would use to try exactly that, so the PIN is the lock that stops them.'
          : ''}
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

export function PinChanged({ changedOn, signedOutOthers }: { changedOn: string | null; signedOutOthers?: number }) {
  return (
    <>
      <h1>Your PIN was changed</h1>
      <div className="alert alert--ok" role="status">
        <p>
          <strong>Done{changedOn ? ` on ${formatCalendarDate(changedOn)}` : ''}.</strong> Use your new PIN when you call us or visit a
          store. We sent a notice to your phone and email on file; it has no links.
        </p>
      </div>
      <section className="card" aria-labelledby="others-title">
        <h2 id="others-title">Sign out everywhere else?</h2>
        {signedOutOthers !== undefined ? (
          <p role="status">
            {signedOutOthers === 0
              ? 'There were no other sessions to sign out.'
              : `Signed out ${signedOutOthers} other session${signedOutOthers === 1 ? '' : 's'}.`}
          </p>
        ) : (
          <>
            <p>If you think someone else may have used your account, sign out every other browser where it is open.</p>
            <ActionButton intent="sign-out-others">Sign out all other sessions</ActionButton>
          </>
        )}
      </section>
      <p>
        <Link to="/account">Back to your exposure</Link>
      </p>
    </>
  );
}

export function ResetScheduled({ effectiveAt }: { effectiveAt: string }) {
  return (
    <>
      <h1>Your PIN reset is scheduled</h1>
      <div className="alert alert--ok" role="status">
        <p>
          <strong>Your new PIN takes effect on {formatDateTime(new Date(effectiveAt))}.</strong> We wait 24 hours because a texted code
          alone must never move the lock on your number: if someone else started this reset, you have a day to stop it. We sent a notice to
          your phone and email on file; it has no links.
        </p>
      </div>
      <p>Until then your current PIN still works. You can cancel the reset from any browser where you are signed in, or by calling 611.</p>
      <ActionButton intent="cancel-reset" tone="danger">
        Cancel the PIN reset
      </ActionButton>
      <p>
        <Link to="/account">Back to your exposure</Link>
      </p>
    </>
  );
}

export function AskTheHolder({ pinDone, asked }: { pinDone: boolean; asked?: { sent: boolean; text: string } }) {
  return (
    <>
      <h1>The account PIN</h1>
      <section className="card" aria-labelledby="holder-only-title">
        <h2 id="holder-only-title">Only the account holder can change it</h2>
        <p>
          The account PIN protects every line on the account: we ask for it before moving a number to a new SIM or another carrier. That is
          why only the person responsible for the bill can change it.
        </p>
        <p>
          {pinDone
            ? 'The account holder has changed the PIN since the incidents.'
            : 'It has not been changed since the incidents that involved this account.'}
        </p>
        {asked ? (
          <p className={asked.sent ? 'alert alert--ok' : 'alert alert--warn'} role="status">
            {asked.text}
          </p>
        ) : null}
        <ActionButton intent="ask-holder" tone="primary">
          Ask the account holder
        </ActionButton>
        <p className="hint">
          We send the account holder a message saying someone on the account asked, with your role and the last 4 digits of your line. It
          changes nothing else.
        </p>
      </section>
      <p>
        <Link to="/account">Back to your exposure</Link>
      </p>
    </>
  );
}
