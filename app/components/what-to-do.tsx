// The advice every customer gets, signed in or not.
import { useTranslation } from 'react-i18next';

const ADVICE = ['pin', 'codes', 'links', 'service'] as const;

export function GeneralAdvice() {
  const { t } = useTranslation();
  return (
    <ul className="link-list">
      {ADVICE.map((item) => (
        <li key={item}>
          <strong>{t(`advice.${item}.title`)}</strong> {t(`advice.${item}.text`)}
        </li>
      ))}
    </ul>
  );
}
