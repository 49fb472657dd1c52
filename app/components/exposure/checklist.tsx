// "What to do": steps the system has seen done (with the date), and advice that is not a box to tick.
import { Link } from '@remix-run/react';
import type { ChecklistStep } from '~/services/exposure-report.server';
import { formatCalendarDate } from '~/utils/format-time';

const STEP_LINKS: Record<ChecklistStep['id'], { to: string; label: string }> = {
  'change-pin': { to: '/account/pin', label: 'Change your PIN now' },
  passkey: { to: '/account/passkeys', label: 'Manage your passkeys' },
};

/** The link under a step: to do it, to do it again, or (for the holder's PIN) to ask the holder; none once nothing is left to do. */
function stepLink(step: ChecklistStep): { to: string; label: string; primary: boolean } | null {
  if (step.owner === 'holder') return step.done ? null : { to: '/account/pin', label: 'Ask the account holder', primary: true };
  if (step.done && step.id === 'passkey') return null;
  return step.done ? { to: STEP_LINKS[step.id].to, label: 'Change it again', primary: false } : { ...STEP_LINKS[step.id], primary: true };
}

export function Checklist({ steps }: { steps: ChecklistStep[] }) {
  return (
    <section className="card" aria-labelledby="todo-title">
      <h2 id="todo-title">What to do</h2>
      <ol className="checklist">
        {steps.map((step) => (
          <li key={step.id} className={step.done ? 'checklist__step checklist__step--done' : 'checklist__step'}>
            <span className={step.done ? 'tag tag--safe' : 'tag tag--exposed'}>
              {step.done && step.doneAt ? `Done on ${formatCalendarDate(step.doneAt)}` : 'To do'}
            </span>
            <strong>{step.title}</strong>
            <span>{step.detail}</span>
            <StepLink step={step} />
          </li>
        ))}
      </ol>
      <h3>Keep in mind</h3>
      <ul className="link-list">
        <li>Watch for texts or calls that ask for a code or your PIN: we never ask for them.</li>
        <li>We will never send you a link by text or email. Type the portal address yourself.</li>
        <li>If your phone suddenly shows &ldquo;No service&rdquo; where it normally works, call 611 from another phone.</li>
      </ul>
    </section>
  );
}

function StepLink({ step }: { step: ChecklistStep }) {
  const link = stepLink(step);
  if (!link) return null;
  return (
    <Link to={link.to} className={link.primary ? 'button' : undefined}>
      {link.label}
    </Link>
  );
}
