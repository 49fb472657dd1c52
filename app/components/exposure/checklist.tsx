// "What to do": steps the system has seen done (with the date), and advice that is not a box to tick.
import { Link } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '~/i18n/use-language';
import type { ChecklistStep } from '~/services/exposure-report.server';
import { formatCalendarDate } from '~/utils/format-time';

const STEP_LINKS: Record<ChecklistStep['id'], { to: string; label: string }> = {
  'change-pin': { to: '/account/pin', label: 'checklist.changePinNow' },
  'port-out': { to: '/account/protection', label: 'checklist.portOut.now' },
  passkey: { to: '/account/passkeys', label: 'checklist.managePasskeys' },
};

/** The link under a step: to do it, to do it again, or (for the holder's PIN) to ask the holder; none once nothing is left to do. */
function stepLink(step: ChecklistStep): { to: string; label: string; primary: boolean } | null {
  if (step.owner === 'holder') return step.done ? null : { to: '/account/pin', label: 'checklist.askHolder', primary: true };
  if (step.done && step.id !== 'change-pin') return null;
  return step.done ? { to: STEP_LINKS[step.id].to, label: 'checklist.again', primary: false } : { ...STEP_LINKS[step.id], primary: true };
}

function stepText(t: TFunction, step: ChecklistStep): { title: string; detail: string } {
  if (step.id === 'passkey') return { title: t('checklist.passkey.title'), detail: t('checklist.passkey.detail') };
  if (step.id === 'port-out')
    return { title: t('checklist.portOut.title'), detail: t(`checklist.portOut.${step.done ? 'done' : 'detail'}`) };
  return { title: t(`checklist.changePin.${step.owner}`), detail: t(`checklist.changePin.${step.detail}`) };
}

export function Checklist({ steps }: { steps: ChecklistStep[] }) {
  const { t } = useTranslation('account');
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="todo-title">
      <h2 id="todo-title">{t('checklist.title')}</h2>
      <ol className="checklist">
        {steps.map((step) => {
          const { title, detail } = stepText(t, step);
          return (
            <li key={step.id} className={step.done ? 'checklist__step checklist__step--done' : 'checklist__step'}>
              <span className={step.done ? 'tag tag--safe' : 'tag tag--exposed'}>
                {step.done && step.doneAt
                  ? t('checklist.doneOn', { date: formatCalendarDate(step.doneAt, language) })
                  : t('checklist.toDo')}
              </span>
              <strong>{title}</strong>
              <span>{detail}</span>
              <StepLink step={step} />
            </li>
          );
        })}
      </ol>
      <h3>{t('checklist.keepInMind')}</h3>
      <ul className="link-list">
        <li>{t('checklist.mind.codes')}</li>
        <li>{t('checklist.mind.links')}</li>
        <li>{t('checklist.mind.service')}</li>
      </ul>
    </section>
  );
}

function StepLink({ step }: { step: ChecklistStep }) {
  const { t } = useTranslation('account');
  const link = stepLink(step);
  if (!link) return null;
  return (
    <Link to={link.to} className={link.primary ? 'button' : undefined}>
      {t(link.label)}
    </Link>
  );
}
