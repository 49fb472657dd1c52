// The one way a route reads a posted form: parsed with its zod schema, and every failure answered in the one shape
// (field errors and a form error, the typed values kept) with a 4xx, never a 500.
import { data } from '@remix-run/node';
import type { z } from 'zod';
import type { FormAnswer, FormErrors } from '~/utils/form-answer';

const NOT_A_FORM = 'We could not read that form. Please reload the page and try again.';

/** The posted form's text fields; a body that is not a form is the sender's mistake (400), never a 500. */
export async function readForm(request: Request): Promise<Record<string, string>> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response(NOT_A_FORM, { status: 400 });
  }
  return Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** First message per field; issues that name no field are the form's. */
export function formErrors(error: z.ZodError, formMessage?: string): FormErrors {
  const fields: Record<string, string> = {};
  let form: string | undefined;
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (key === undefined || key === 'intent') form ??= formMessage ?? issue.message;
    else fields[String(key)] ??= issue.message;
  }
  return form ? { fields, form } : { fields };
}

/** Typed values to give back with an error, minus secrets (PINs, codes) that must never be echoed into a page. */
function keptValues(values: Record<string, string>, secret: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !secret.includes(name)));
}

export type Parsed<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; answer: ReturnType<typeof formFailure>; values: Record<string, string> };

/**
 * Reads and parses the form. Multi-intent forms pass a zod discriminated union on `intent` and switch on it:
 * the one way to dispatch an intent. `secret` fields are never sent back.
 */
export async function parseForm<S extends z.ZodTypeAny>(
  request: Request,
  schema: S,
  options: { secret?: readonly string[]; formMessage?: string } = {},
): Promise<Parsed<z.infer<S>>> {
  const values = await readForm(request);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const kept = keptValues(values, options.secret ?? []);
  return { ok: false, answer: formFailure(formErrors(parsed.error, options.formMessage), kept, 400), values: kept };
}

/** A failure in the one shape; `values` are what was typed (already without secrets). */
export function formFailure(errors: FormErrors, values: Record<string, string> = {}, status = 400, headers?: Headers) {
  return data<FormAnswer>({ errors, values }, { status, headers });
}

/** A failure of one field, for a rule the service checked after the schema passed. */
export function fieldFailure(field: string, message: string, values: Record<string, string> = {}, status = 400, headers?: Headers) {
  return formFailure({ fields: { [field]: message } }, values, status, headers);
}

/** A failure of the form as a whole (nothing one field could fix). */
export function formMessageFailure(message: string, status = 400, values: Record<string, string> = {}) {
  return formFailure({ fields: {}, form: message }, values, status);
}
