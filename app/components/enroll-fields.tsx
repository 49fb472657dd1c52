// The enrollment forms (details, code, agent's code): their fields worded and wired the same way on each.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormAlerts } from '~/components/form-alerts';
import { TextField } from '~/components/text-field';
import type { FormAnswer } from '~/utils/form-answer';

// Labels and hints are in the auth catalog (enroll.fields.<name>).
const FIELDS = {
  accountNumber: { inputMode: 'numeric', autoComplete: 'off', hinted: true },
  phone: { type: 'tel', autoComplete: 'tel-national', hinted: true },
  code: { inputMode: 'numeric', autoComplete: 'one-time-code', maxLength: 12, hinted: false },
} as const;

export type EnrollFieldName = keyof typeof FIELDS;

export function EnrollForm(props: {
  fields: readonly EnrollFieldName[];
  intent: string;
  submitLabel: string;
  answer: FormAnswer | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation('auth');
  return (
    <Form method="post" className="card form" noValidate>
      <FormAlerts answer={props.answer} />
      {props.fields.map((name) => {
        const { hinted, ...input } = FIELDS[name];
        return (
          <TextField
            key={name}
            id={name}
            name={name}
            label={t(`enroll.fields.${name}.label`)}
            hint={hinted ? t(`enroll.fields.${name}.hint`) : undefined}
            {...input}
            answer={props.answer}
          />
        );
      })}
      <div className="actions">
        <button type="submit" name="intent" value={props.intent} disabled={props.busy}>
          {props.submitLabel}
        </button>
      </div>
    </Form>
  );
}
