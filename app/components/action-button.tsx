// One POST button: the intent travels on the button, the ids it acts on as hidden fields.
import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';

interface ActionButtonProps {
  intent: string;
  /** Hidden fields naming what the button acts on, such as `{ sessionId }`. */
  fields?: Record<string, string | number>;
  tone?: 'primary' | 'secondary' | 'danger';
  /** Posts to another route than the current one. */
  action?: string;
  className?: string;
  disabled?: boolean;
  /** The button's accessible name when its text alone is ambiguous ("Revoke" among several). */
  label?: string;
  /** Names the form for assistive technology, by text or by the id of a heading. */
  formLabel?: string;
  formLabelledBy?: string;
  children: ReactNode;
}

export function ActionButton({ intent, fields = {}, tone = 'secondary', children, ...props }: ActionButtonProps) {
  return (
    <Form
      method="post"
      action={props.action}
      className={props.className}
      aria-label={props.formLabel}
      aria-labelledby={props.formLabelledBy}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        name="intent"
        value={intent}
        className={tone === 'primary' ? undefined : `button--${tone}`}
        disabled={props.disabled}
        aria-label={props.label}
      >
        {children}
      </button>
    </Form>
  );
}
