// A labelled text input with its hint and error wired up for assistive technology (aria-invalid, aria-describedby).
// Given the form's answer, it shows that field's error and keeps what was typed (unless `keepValue` is false: secrets).
import type { InputHTMLAttributes } from 'react';
import { fieldError, typedValue, type FormAnswer } from '~/utils/form-answer';

type TextFieldProps = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string | null;
  answer?: FormAnswer;
  keepValue?: boolean;
} & InputHTMLAttributes<HTMLInputElement>;

export function TextField({ id, label, hint, error, answer, keepValue = true, ...input }: TextFieldProps) {
  const message = error ?? fieldError(answer, input.name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  const kept = answer && keepValue ? typedValue(answer, input.name) : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <input
        id={id}
        type="text"
        aria-invalid={message ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...(kept !== undefined ? { defaultValue: kept } : {})}
        {...input}
      />
      {message ? (
        <p className="field-error" id={errorId}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
