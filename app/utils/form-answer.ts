// The one shape every form action answers with, read by pages through useActionData.
export interface FormErrors {
  /** One message per field, by the field's name. */
  fields: Record<string, string>;
  /** A message for the form as a whole. */
  form?: string;
}

export interface FormAnswer {
  errors?: FormErrors;
  /** What was typed, so nothing is lost (never secrets such as PINs). */
  values?: Record<string, string>;
  /** A success sentence to announce. */
  notice?: string;
}

/** The error for one field, or undefined; for TextField's `error` prop. */
export function fieldError(answer: FormAnswer | undefined, field: string): string | undefined {
  return answer?.errors?.fields[field];
}

/** What was typed into a field, to keep it on the page after an error. */
export function typedValue(answer: FormAnswer | undefined, field: string): string | undefined {
  return answer?.values?.[field];
}
