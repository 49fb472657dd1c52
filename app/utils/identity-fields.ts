// Field schemas for the forms that name an account (enrollment, agent codes); shared by server and browser.
// Messages are catalog keys (messages:field.*), worded in the page's language by whoever shows them.
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
  .string({ required_error: 'messages:field.accountNumber.required' })
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'messages:field.accountNumber.required')
      .regex(/^\d{9}$/, 'messages:field.accountNumber.format'),
  );

export const phoneField = z
  .string({ required_error: 'messages:field.phone.required' })
  .trim()
  .min(1, 'messages:field.phone.required')
  .transform((value, ctx) => {
    const phone = normalizeUsPhone(value);
    if (!phone) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'messages:field.phone.format' });
      return z.NEVER;
    }
    return phone;
  });

export const oneTimeCodeField = z
  .string({ required_error: 'messages:field.code.required' })
  .transform((value) => value.replace(/[\s-]+/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'messages:field.code.required')
      .regex(/^\d{6}$/, 'messages:field.code.format'),
  );
