// A 24-hour PIN reset waiting to take effect, with the one thing the holder can do about it.
import { useTranslation } from 'react-i18next';
import { ActionButton } from '~/components/action-button';
import { useLanguage } from '~/i18n/use-language';
import { formatDateTime } from '~/utils/format-time';
import { Strong } from './pin-views';

export function PendingPinReset({ effectiveAt }: { effectiveAt: string }) {
  const { t } = useTranslation('pin');
  const language = useLanguage();
  return (
    <section className="alert alert--warn" aria-labelledby="pending-reset-title">
      <h2 id="pending-reset-title">{t('pending.title')}</h2>
      <p>
        <Strong i18nKey="pending.text" values={{ when: formatDateTime(new Date(effectiveAt), language)! }} />
      </p>
      <ActionButton intent="cancel-reset" action="/account/pin" tone="danger">
        {t('scheduled.cancel')}
      </ActionButton>
    </section>
  );
}
