// The PIN rules, listed before typing and ticked off live as the customer types (when JavaScript runs).
import { checkPin, PIN_RULES, type PinContext, type PinRuleId } from '~/utils/pin-rules';

export function livePinStatus(pin: string, confirmation: string, context: PinContext): Set<PinRuleId> {
  return new Set(checkPin(pin, context, confirmation.length > 0 ? confirmation : undefined));
}

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
  return (
    <ul className="pin-rules" aria-label="PIN rules">
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
              {rule.description}
              {state === 'broken' ? <strong className="pin-rule__message"> {ruleMessage(rule.id)}</strong> : null}
              <span className="visually-hidden">{state === 'met' ? ' (met)' : state === 'broken' ? ' (not met)' : ''}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function ruleMessage(id: PinRuleId): string {
  return PIN_RULES.find((rule) => rule.id === id)!.message;
}
