// Opens the browser's print dialog; without JavaScript the page says how to print instead.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function PrintButton() {
  const { t } = useTranslation();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return <p className="hint no-print">{t('print.noScript')}</p>;
  return (
    <button type="button" className="no-print" onClick={() => window.print()}>
      {t('print.button')}
    </button>
  );
}
