// Field schemas for the forms that name an account (enrollment, agent codes); shared by server and browser.
import { z } from 'zod';

/** US numbers as people type them: (206) 555-0101, 206-555-0101, 2065550101 or +12065550101. */
export function normalizeUsPhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return null;
}

export const accountNumberField = z
  .string({ required_error: 'Enter your account number' })
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'Enter your account number')
      .regex(/^\d{9}$/, 'Account numbers are 9 digits, as printed on your bill'),
  );

export const phoneField = z
  .string({ required_error: 'Enter a phone number on the account' })
  .trim()
  .min(1, 'Enter a phone number on the account')
  .transform((value, ctx) => {
    const phone = normalizeUsPhone(value);
    if (!phone) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Enter a US phone number, like (206) 555-0101' });
      return z.NEVER;
    }
    return phone;
  });

export const oneTimeCodeField = z
  .string({ required_error: 'Enter the 6-digit code' })
  .transform((value) => value.replace(/[\s-]+/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'Enter the 6-digit code')
      .regex(/^\d{6}$/, 'The code is 6 digits'),
  );
