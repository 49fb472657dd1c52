// The PIN form: optional current PIN, new PIN and its confirmation, with the rules ticked off live while typing.
import { Form, useNavigation } from '@remix-run/react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlerts } from '~/components/form-alerts';
import { livePinStatus, PinRulesChecklist } from '~/components/pin-rules-checklist';
import type { FormAnswer } from '~/utils/form-answer';
import type { PinContext, PinRuleId } from '~/utils/pin-rules';

/** The one form answer, with the PIN rules the server found broken. */
export type PinFormAnswer = FormAnswer & { broken?: PinRuleId[] };

export function NewPinForm({
  intent,
  submitLabel,
  enabled,
  context,
  answer,
  withCurrentPin,
  children,
}: {
  intent: 'change-pin' | 'start-reset';
  submitLabel: string;
  enabled: boolean;
  context: PinContext;
  answer: PinFormAnswer | undefined;
  withCurrentPin: boolean;
  /** Shown under the submit button (other ways forward). */
  children?: ReactNode;
}) {
  const { t } = useTranslation('pin');
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [typed, setTyped] = useState(false);
  const navigation = useNavigation();
  // A new answer from the server takes over from live feedback until the customer types again.
  useEffect(() => setTyped(false), [answer]);
  const serverBroken = typed ? [] : (answer?.broken ?? []);
  const live = typed ? livePinStatus(pin, confirmation, context) : null;
  const confirmError = serverBroken.includes('confirm') || (live?.has('confirm') && confirmation.length >= pin.length);
  const pinInvalid = serverBroken.some((id) => id !== 'confirm');
  const currentPinError = answer?.errors?.fields.currentPin;
  return (
    <>
      <FormAlerts answer={answer} />
      <p id="pin-rules-intro">{t('form.mustBe')}</p>
      <PinRulesChecklist pin={pin} broken={live} serverBroken={serverBroken} />
      <Form method="post" className="form" aria-describedby="pin-rules-intro">
        <input type="hidden" name="intent" value={intent} />
        <fieldset disabled={!enabled} className="plain-fieldset">
          <legend className="visually-hidden">{t('form.legend')}</legend>
          {withCurrentPin ? (
            <div className="field">
              <label htmlFor="currentPin">{t('form.current')}</label>
              <input
                id="currentPin"
                name="currentPin"
                type="password"
                inputMode="numeric"
                autoComplete="current-password"
                maxLength={64}
                required
                aria-invalid={currentPinError ? true : undefined}
                aria-describedby={currentPinError ? 'currentPin-error' : undefined}
              />
              {currentPinError ? (
                <p className="field-error" id="currentPin-error">
                  {currentPinError}
                </p>
              ) : null}
            </div>
          ) : null}
          <PinInput
            id="pin"
            label={t('form.new')}
            value={pin}
            invalid={pinInvalid}
            errorId={pinInvalid ? 'pin-error' : undefined}
            onChange={(value) => (setPin(value), setTyped(true))}
          />
          {pinInvalid ? (
            <p className="field-error" id="pin-error" role="alert">
              {answer?.errors?.fields.pin ?? t('form.refused')}
            </p>
          ) : null}
          <PinInput
            id="confirmation"
            label={t('form.confirmation')}
            value={confirmation}
            invalid={Boolean(confirmError)}
            errorId={confirmError ? 'confirmation-error' : undefined}
            onChange={(value) => (setConfirmation(value), setTyped(true))}
          />
          {confirmError ? (
            <p className="field-error" id="confirmation-error">
              {t('form.mismatch')}
            </p>
          ) : null}
          {intent === 'change-pin' ? (
            <div className="field field--checkbox">
              <input id="signOutOthers" name="signOutOthers" type="checkbox" defaultChecked />
              <label htmlFor="signOutOthers">{t('form.signOutOthers')}</label>
            </div>
          ) : null}
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {submitLabel}
          </button>
        </fieldset>
        {!enabled ? <p className="hint">{t('form.confirmFirst')}</p> : null}
      </Form>
      {children}
    </>
  );
}

function PinInput({
  id,
  label,
  value,
  invalid,
  errorId,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  invalid: boolean;
  errorId?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        maxLength={64}
        required
        aria-invalid={invalid || undefined}
        aria-describedby={errorId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
