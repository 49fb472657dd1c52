// The PIN rules, listed before typing and ticked off live as the customer types (when JavaScript runs).
import { useTranslation } from 'react-i18next';
import { checkPin, PIN_MAX_LENGTH, PIN_MIN_LENGTH, PIN_RULES, type PinContext, type PinRuleId } from '~/utils/pin-rules';

export function livePinStatus(pin: string, confirmation: string, context: PinContext): Set<PinRuleId> {
  return new Set(checkPin(pin, context, confirmation.length > 0 ? confirmation : undefined));
}

const LENGTHS = { min: PIN_MIN_LENGTH, max: PIN_MAX_LENGTH };

export function PinRulesChecklist({
  pin,
  broken,
  serverBroken,
}: {
  /** What the customer typed so far; empty before typing. */
  pin: string;
  broken: Set<PinRuleId> | null;
  /** Rules the server refused on the last submit. */
  serverBroken: readonly PinRuleId[];
}) {
  const { t } = useTranslation('pin');
  return (
    <ul className="pin-rules" aria-label={t('form.rulesLabel')}>
      {PIN_RULES.map((rule) => {
        const failedOnServer = serverBroken.includes(rule.id);
        const state = failedOnServer
          ? 'broken'
          : broken === null || pin.length === 0 || rule.serverOnly
            ? 'pending'
            : broken.has(rule.id)
              ? 'broken'
              : 'met';
        return (
          <li key={rule.id} className={`pin-rule pin-rule--${state}`} id={`pin-rule-${rule.id}`}>
            <span className="pin-rule__mark" aria-hidden="true">
              {state === 'met' ? '✓' : state === 'broken' ? '✗' : '•'}
            </span>
            <span>
              {t(`rules.${rule.id}.description`, LENGTHS)}
              {state === 'broken' ? <strong className="pin-rule__message"> {t(`rules.${rule.id}.message`, LENGTHS)}</strong> : null}
              <span className="visually-hidden">{state === 'met' ? t('form.met') : state === 'broken' ? t('form.notMet') : ''}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
