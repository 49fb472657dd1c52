// The enrollment forms (details, code, agent's code): their fields worded and wired the same way on each.
import { Form } from '@remix-run/react';
import { FormAlerts } from '~/components/form-alerts';
import { TextField } from '~/components/text-field';
import type { FormAnswer } from '~/utils/form-answer';

const FIELDS = {
  accountNumber: { label: 'Account number', hint: '9 digits, printed on your bill.', inputMode: 'numeric', autoComplete: 'off' },
  phone: {
    type: 'tel',
    label: 'Phone number',
    hint: 'Your own line on the account, like (206) 555-0101. The code goes to this number only.',
    autoComplete: 'tel-national',
  },
  code: { label: 'Code', inputMode: 'numeric', autoComplete: 'one-time-code', maxLength: 12 },
} as const;

export type EnrollFieldName = keyof typeof FIELDS;

export function EnrollForm(props: {
  fields: readonly EnrollFieldName[];
  intent: string;
  submitLabel: string;
  answer: FormAnswer | undefined;
  busy: boolean;
}) {
  return (
    <Form method="post" className="card form" noValidate>
      <FormAlerts answer={props.answer} />
      {props.fields.map((name) => (
        <TextField key={name} id={name} name={name} {...FIELDS[name]} answer={props.answer} />
      ))}
      <div className="actions">
        <button type="submit" name="intent" value={props.intent} disabled={props.busy}>
          {props.submitLabel}
        </button>
      </div>
    </Form>
  );
}
