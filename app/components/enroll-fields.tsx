// The fields both enrollment forms ask for, worded and wired the same way on each.
import { TextField } from '~/components/text-field';
import { fieldError, typedValue, type FormAnswer } from '~/utils/form-answer';

export function AccountNumberField({ answer }: { answer: FormAnswer | undefined }) {
  return (
    <TextField
      id="accountNumber"
      name="accountNumber"
      label="Account number"
      hint="9 digits, printed on your bill."
      inputMode="numeric"
      autoComplete="off"
      defaultValue={typedValue(answer, 'accountNumber')}
      error={fieldError(answer, 'accountNumber')}
    />
  );
}

export function CodeField({ answer }: { answer: FormAnswer | undefined }) {
  return (
    <TextField
      id="code"
      name="code"
      label="Code"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={12}
      defaultValue={typedValue(answer, 'code')}
      error={fieldError(answer, 'code')}
    />
  );
}
