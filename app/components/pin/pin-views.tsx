// The PIN page's other states: why it matters, done, scheduled, and what people other than the holder see.
import { Link } from '@remix-run/react';
import { Trans, useTranslation } from 'react-i18next';
import { ActionButton } from '~/components/action-button';
import { fieldLabel, incidentText } from '~/i18n/catalogue';
import { useLanguage } from '~/i18n/use-language';
import { formatCalendarDate, formatDateTime } from '~/utils/format-time';

export function WhyItMatters({
  incidents,
  portOutKitExposed,
}: {
  incidents: Array<{ id: string; exposed: string[] }>;
  portOutKitExposed: boolean;
}) {
  const { t } = useTranslation('pin');
  return (
    <section className="card" aria-labelledby="why-title">
      <h2 id="why-title">{t('why.title')}</h2>
      <p>
        {t('why.text')}
        {portOutKitExposed ? ` ${t('why.kit')}` : ''}
      </p>
      {incidents.length > 0 ? (
        <ul className="link-list">
          {incidents.map((incident) => (
            <li key={incident.id}>
              <strong>{incidentText(t, incident.id, 'title')}:</strong> {incident.exposed.map((field) => fieldLabel(t, field)).join(', ')}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('why.none')}</p>
      )}
    </section>
  );
}

function BackToExposure() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/account">{t('backToExposure')}</Link>
    </p>
  );
}

export function PinChanged({ changedOn, signedOutOthers }: { changedOn: string | null; signedOutOthers?: number }) {
  const { t } = useTranslation('pin');
  const language = useLanguage();
  return (
    <>
      <h1>{t('changed.title')}</h1>
      <div className="alert alert--ok" role="status">
        <p>
          <strong>{changedOn ? t('changed.doneOn', { date: formatCalendarDate(changedOn, language) }) : t('changed.done')}</strong>{' '}
          {t('changed.text')}
        </p>
      </div>
      <section className="card" aria-labelledby="others-title">
        <h2 id="others-title">{t('changed.othersTitle')}</h2>
        {signedOutOthers !== undefined ? (
          <p role="status">{signedOutOthers === 0 ? t('changed.noOthers') : t('changed.signedOut', { count: signedOutOthers })}</p>
        ) : (
          <>
            <p>{t('changed.othersIntro')}</p>
            <ActionButton intent="sign-out-others">{t('changed.signOutOthers')}</ActionButton>
          </>
        )}
      </section>
      <BackToExposure />
    </>
  );
}

export function ResetScheduled({ effectiveAt }: { effectiveAt: string }) {
  const { t } = useTranslation('pin');
  const language = useLanguage();
  return (
    <>
      <h1>{t('scheduled.title')}</h1>
      <div className="alert alert--ok" role="status">
        <p>
          <strong>{t('scheduled.effective', { when: formatDateTime(new Date(effectiveAt), language) })}</strong> {t('scheduled.why')}
        </p>
      </div>
      <p>{t('scheduled.meanwhile')}</p>
      <ActionButton intent="cancel-reset" tone="danger">
        {t('scheduled.cancel')}
      </ActionButton>
      <BackToExposure />
    </>
  );
}

export function AskTheHolder({ pinDone, asked }: { pinDone: boolean; asked?: { sent: boolean; text: string } }) {
  const { t } = useTranslation('pin');
  return (
    <>
      <h1>{t('holderOnly.title')}</h1>
      <section className="card" aria-labelledby="holder-only-title">
        <h2 id="holder-only-title">{t('holderOnly.heading')}</h2>
        <p>{t('holderOnly.why')}</p>
        <p>{pinDone ? t('holderOnly.done') : t('holderOnly.notDone')}</p>
        {asked ? (
          <p className={asked.sent ? 'alert alert--ok' : 'alert alert--warn'} role="status">
            {asked.text}
          </p>
        ) : null}
        <ActionButton intent="ask-holder" tone="primary">
          {t('holderOnly.ask')}
        </ActionButton>
        <p className="hint">{t('holderOnly.askHint')}</p>
      </section>
      <BackToExposure />
    </>
  );
}

/** The strong part of a sentence through <strong>, in any language's word order. */
export function Strong({ i18nKey, values }: { i18nKey: string; values?: Record<string, string> }) {
  const { t } = useTranslation('pin');
  return <Trans t={t} i18nKey={i18nKey} values={values} components={{ strong: <strong /> }} />;
}
