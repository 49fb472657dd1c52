// JSON endpoints for the passkey ceremonies: bodies parsed with zod (400 on anything else), answers as JSON.
import type { ActionFunctionArgs } from '@remix-run/node';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { wordAnswer, type CeremonyAnswer, type ClientContext } from './ceremony.server';
import { requestTranslator } from './i18n.server';

const MAX_BODY_CHARS = 64 * 1024;

export async function readJsonBody<T extends z.ZodTypeAny>(
  request: Request,
  schema: T,
  t: TFunction,
): Promise<{ ok: true; data: z.infer<T> } | { ok: false; response: Response }> {
  const invalid = (key: string) => ({
    ok: false as const,
    response: Response.json({ status: 'error', message: t(key) }, { status: 400, headers: { 'Cache-Control': 'no-store' } }),
  });
  if (!request.headers.get('content-type')?.includes('application/json')) return invalid('messages:json.notJson');
  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) return invalid('messages:json.tooLarge');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return invalid('messages:json.invalid');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return invalid('messages:json.unexpected');
  return { ok: true, data: parsed.data };
}

export function ceremonyResponse(answer: CeremonyAnswer): Response {
  const headers = new Headers(answer.headers);
  headers.set('Cache-Control', 'no-store');
  return Response.json(answer.body, { status: answer.httpStatus, headers });
}

/** A ceremony endpoint's action: the body checked against `schema` (400 otherwise), then `step`'s answer as JSON. */
export function ceremonyAction<T extends z.ZodTypeAny>(
  schema: T,
  step: (request: Request, context: ClientContext, body: z.infer<T>, params: ActionFunctionArgs['params']) => Promise<CeremonyAnswer>,
) {
  return async ({ request, context, params }: ActionFunctionArgs): Promise<Response> => {
    const t = await requestTranslator(request);
    const body = await readJsonBody(request, schema, t);
    if (!body.ok) return body.response;
    return ceremonyResponse(wordAnswer(await step(request, context, body.data, params), t));
  };
}

/** GET on an endpoint that only takes POST. */
export function methodNotAllowed(): Response {
  return Response.json({ status: 'error', message: 'Use POST.' }, { status: 405, headers: { Allow: 'POST' } });
}
