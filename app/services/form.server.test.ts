// The one form shape: field errors by name, a form error for what no field can fix, typed values kept, secrets never.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { saidBy } from '../../tests/helpers/requests';
import { parseForm } from './form.server';

const post = (fields: Record<string, string>, language = 'en-US') =>
  new Request('http://localhost/x', { method: 'POST', body: new URLSearchParams(fields), headers: { 'Accept-Language': language } });

// Messages are catalog keys; zod's own English defaults become one plain sentence.
const Schema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('save'),
    name: z.string().min(1, 'messages:field.accountNumber.required'),
    pin: z.string().regex(/^\d{6}$/),
  }),
  z.object({ intent: z.literal('delete') }),
]);

describe('parseForm', () => {
  it('parses a valid form and dispatches on its intent', async () => {
    const parsed = await parseForm(post({ intent: 'save', name: 'Dana', pin: '583920' }), Schema);
    expect(parsed).toMatchObject({ ok: true, data: { intent: 'save', name: 'Dana', pin: '583920' } });
  });

  it('answers a bad form with a 400, one message per field, and the typed values without secrets', async () => {
    const parsed = await parseForm(post({ intent: 'save', name: '', pin: '12' }), Schema, { secret: ['pin'] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.answer.init).toEqual({ status: 400 });
    expect(parsed.answer.data).toEqual({
      errors: { fields: { name: 'Enter your account number', pin: 'Check this field and try again.' } },
      values: { intent: 'save', name: '' },
    });
  });

  it('words the answer in the page’s language', async () => {
    const parsed = await parseForm(post({ intent: 'save', name: '', pin: '12' }, 'es-MX,es;q=0.9'), Schema, { secret: ['pin'] });
    expect(!parsed.ok && parsed.answer.data.errors).toEqual({
      fields: { name: 'Escribe tu número de cuenta', pin: 'Revisa este campo e inténtalo de nuevo.' },
    });
    expect(parsed.language).toBe('es');
  });

  it('an unknown intent is the form’s error, in the sentence the route gives', async () => {
    const parsed = await parseForm(post({ intent: 'explode' }), Schema, { formMessage: 'auth:incompleteRequest' });
    expect(!parsed.ok && parsed.answer.data.errors).toEqual({
      fields: {},
      form: 'That request was not complete. Reload the page and try again.',
    });
  });

  it('a body that is not a form is a 400 with a sentence, never a 500', async () => {
    const thrown = await parseForm(
      new Request('http://localhost/x', { method: 'POST', body: 'x', headers: { 'Content-Type': 'multipart/form-data; boundary=nope' } }),
      Schema,
    ).catch((error) => error);
    expect((thrown as Response).status).toBe(400);
    expect(await saidBy(thrown as Response)).toBe('We could not read that form. Please reload the page and try again.');
  });
});
