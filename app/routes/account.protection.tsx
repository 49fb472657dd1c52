// Port-out and SIM protection for the whole account and each line: what the carrier's systems confirmed, what is on
// its way, and the buttons this person may use (DESIGN sections 9 and 12). Pending locks refresh by themselves.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ActionButton } from '~/components/action-button';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormAlerts } from '~/components/form-alerts';
import { pageTitle } from '~/i18n/translator';
import { parseForm } from '~/services/form.server';
import { requestLanguage } from '~/services/i18n.server';
import { changeProtection, protectionTargets, type LockView } from '~/services/protection.server';
import { provisioningAvailable } from '~/services/provisioning.server';
import { hasRecentStepUp, requireCustomer } from '~/services/session.server';
import type { FormAnswer } from '~/utils/form-answer';
import { formatDateTime } from '~/utils/format-time';

export const meta: MetaFunction = pageTitle('protection:metaTitle');

const CONFIRM_FIRST = `/account/confirm?redirectTo=${encodeURIComponent('/account/protection')}`;
const REFRESH_MS = 1_500;

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  const [targets, language] = await Promise.all([protectionTargets(session), requestLanguage(request)]);
  return {
    available: provisioningAvailable(),
    role: session.role,
    targets: targets.map((target) => ({
      ...target,
      locks: target.locks.map((lock) => ({ ...lock, confirmedAt: formatDateTime(lock.confirmedAt, language) })),
    })),
  };
}

const ProtectionAction = z.object({
  intent: z.enum(['on', 'off']),
  lock: z.enum(['port-out', 'sim']),
  // 'account', or a line in E.164 (the service checks it is one of the account's).
  target: z.union([z.literal('account'), z.string().regex(/^\+1\d{10}$/)]),
});

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireCustomer(request);
  const form = await parseForm(request, ProtectionAction, { formMessage: 'auth:incompleteRequest' });
  if (!form.ok) return form.answer;
  const { t } = form;
  // Turning a lock off is what a thief with a stolen session would want: it needs a recent passkey confirmation.
  if (form.data.intent === 'off' && session.role === 'holder' && !hasRecentStepUp(session)) throw redirect(CONFIRM_FIRST);
  const answer = await changeProtection(session, { target: form.data.target, lock: form.data.lock, state: form.data.intent });
  const notice =
    answer === 'queued'
      ? t(form.data.intent === 'on' ? 'protection:queued' : 'protection:queuedOff')
      : t(answer === 'already' ? 'protection:already' : 'protection:alreadyPending');
  return data<FormAnswer>({ notice }, { status: answer === 'queued' ? 202 : 200 });
}

function LockRow({
  lock,
  target,
  label,
  busy,
}: {
  lock: Omit<LockView, 'confirmedAt'> & { confirmedAt: string | null };
  target: string;
  label: string;
  busy: boolean;
}) {
  const { t } = useTranslation('protection');
  const stateTag = { off: 'tag', on: 'tag tag--safe', pending: 'tag tag--pending', failed: 'tag tag--exposed' }[lock.state];
  const explanation =
    lock.state === 'pending'
      ? t(lock.change === 'on' ? 'pendingOn' : 'pendingOff')
      : lock.state === 'failed'
        ? t(lock.change === 'on' ? 'failedOn' : 'failedOff')
        : lock.state === 'on' && lock.confirmedAt
          ? t('since', { date: lock.confirmedAt })
          : lock.coveredByAccount
            ? t('coveredByAccount')
            : null;
  return (
    <div className="protection-lock">
      <dt>{t(`locks.${lock.lock}`)}</dt>
      <dd>
        <span className={stateTag}>{t(`state.${lock.state}`)}</span>
        {explanation ? <span className="protection-lock__why">{explanation}</span> : null}
        {lock.mayTurnOn ? (
          <ActionButton intent="on" fields={{ lock: lock.lock, target }} tone="primary" disabled={busy}>
            {t(`turnOn.${lock.lock}`)}
          </ActionButton>
        ) : null}
        {lock.mayTurnOff ? (
          <ActionButton
            intent="off"
            fields={{ lock: lock.lock, target }}
            tone="danger"
            disabled={busy}
            label={t('turnOffLabel', { lock: t(`locks.${lock.lock}`).toLowerCase(), target: label })}
          >
            {t('turnOff')}
          </ActionButton>
        ) : null}
      </dd>
    </div>
  );
}

export default function Protection() {
  const { targets, available, role } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const revalidator = useRevalidator();
  const { t } = useTranslation('protection');
  const waiting = targets.some((target) => target.locks.some((lock) => lock.state === 'pending'));
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => revalidator.state === 'idle' && revalidator.revalidate(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [waiting, revalidator]);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {available ? null : (
        <p className="alert alert--error" role="alert">
          {t('unavailable')}
        </p>
      )}
      <FormAlerts answer={answer} />
      <p className="muted">
        {role === 'holder' ? t('offNeedsPasskey') : role === 'line' ? `${t('ownLineOnly')} ${t('onlyHolderOff')}` : t('onlyHolderOff')}
      </p>
      <div className="protection-list">
        {targets.map((target) => {
          const label =
            target.lineEnding === null ? t('wholeAccount') : t(target.yours ? 'lineYours' : 'line', { ending: target.lineEnding });
          const headingId = `protection-${target.target === 'account' ? 'account' : target.lineEnding}`;
          return (
            <section key={target.target} className="card" aria-labelledby={headingId}>
              <h2 id={headingId}>{label}</h2>
              {target.lineEnding === null ? <p className="muted">{t('wholeAccountDetail')}</p> : null}
              <dl className="protection-locks">
                {target.locks.map((lock) => (
                  <LockRow key={lock.lock} lock={lock} target={target.target} label={label} busy={busy} />
                ))}
              </dl>
            </section>
          );
        })}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
