// The one way a route reads a posted form: parsed with its zod schema, and every failure answered in the one shape
// (field errors and a form error, the typed values kept) with a 4xx, never a 500, worded in the page's language.
import { data } from '@remix-run/node';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { Language } from '~/i18n/config';
import { translatorFor } from '~/i18n/translator';
import type { FormAnswer, FormErrors } from '~/utils/form-answer';
import { requestLanguage } from './i18n.server';

/** The posted form's text fields; a body that is not a form is the sender's mistake (400), never a 500. */
export async function readForm(request: Request): Promise<Record<string, string>> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response('messages:form.notAForm', { status: 400 });
  }
  return Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

// Customer schemas name their messages by catalog key; staff schemas may say an English sentence (staff pages are
// English). zod's own defaults ("Required") become one plain sentence in the page's language (DEFAULT_MESSAGE).
const MESSAGE_KEY = /^[a-z]+:[\w.-]+$/;
const word = (t: TFunction, message: string) => (MESSAGE_KEY.test(message) ? t(message) : message);
const DEFAULT_MESSAGE: z.ZodErrorMap = () => ({ message: 'messages:form.invalidField' });

/** First message per field; issues that name no field are the form's. `formMessage` is a catalog key. */
export function formErrors(error: z.ZodError, t: TFunction, formMessage?: string): FormErrors {
  const fields: Record<string, string> = {};
  let form: string | undefined;
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (key === undefined || key === 'intent') form ??= word(t, formMessage ?? issue.message);
    else fields[String(key)] ??= word(t, issue.message);
  }
  return form ? { fields, form } : { fields };
}

/** Typed values to give back with an error, minus secrets (PINs, codes) that must never be echoed into a page. */
function keptValues(values: Record<string, string>, secret: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !secret.includes(name)));
}

/** The parsed form, and the page's language with its `t`: the route words its own answers with them. */
export type Parsed<T> =
  | { ok: true; data: T; values: Record<string, string>; t: TFunction; language: Language }
  | { ok: false; answer: ReturnType<typeof formFailure>; values: Record<string, string>; t: TFunction; language: Language };

/**
 * Reads and parses the form. Multi-intent forms pass a zod discriminated union on `intent` and switch on it:
 * the one way to dispatch an intent. `secret` fields are never sent back. `formMessage` is a catalog key.
 */
export async function parseForm<S extends z.ZodTypeAny>(
  request: Request,
  schema: S,
  options: { secret?: readonly string[]; formMessage?: string } = {},
): Promise<Parsed<z.infer<S>>> {
  const [values, language] = await Promise.all([readForm(request), requestLanguage(request)]);
  const t = translatorFor(language);
  const parsed = schema.safeParse(values, { errorMap: DEFAULT_MESSAGE });
  if (parsed.success) return { ok: true, data: parsed.data, values, t, language };
  const kept = keptValues(values, options.secret ?? []);
  return { ok: false, answer: formFailure(formErrors(parsed.error, t, options.formMessage), kept, 400), values: kept, t, language };
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
