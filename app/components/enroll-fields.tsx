// The fields the enrollment forms ask for, worded and wired the same way on each.
import { TextField } from '~/components/text-field';
import type { FormAnswer } from '~/utils/form-answer';

export function AccountNumberField({ answer }: { answer: FormAnswer | undefined }) {
  return (
    <TextField
      id="accountNumber"
      name="accountNumber"
      label="Account number"
      hint="9 digits, printed on your bill."
      inputMode="numeric"
      autoComplete="off"
      answer={answer}
    />
  );
}

export function PhoneField({ answer }: { answer: FormAnswer | undefined }) {
  return (
    <TextField
      id="phone"
      name="phone"
      type="tel"
      label="Phone number"
      hint="Your own line on the account, like (206) 555-0101. The code goes to this number only."
      autoComplete="tel-national"
      answer={answer}
    />
  );
}

export function CodeField({ answer }: { answer: FormAnswer | undefined }) {
  return <TextField id="code" name="code" label="Code" inputMode="numeric" autoComplete="one-time-code" maxLength={12} answer={answer} />;
}
