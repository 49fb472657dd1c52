// POST { mode, response, redirectTo? }: verifies a passkey assertion; signs in (new session) or records a step-up.
import type { ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { completePasskeySignIn, completeStepUp } from '~/services/customer-auth.server';
import { ceremonyResponse, methodNotAllowed, readJsonBody } from '~/services/json-endpoint.server';
import { authenticationResponseSchema } from '~/services/webauthn.server';

const bodySchema = z.object({
  mode: z.enum(['sign-in', 'step-up']),
  response: authenticationResponseSchema,
  redirectTo: z.string().max(512).optional(),
  via: z.enum(['autofill', 'button']).optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  const { mode, response, redirectTo, via } = body.data;
  const answer =
    mode === 'sign-in'
      ? await completePasskeySignIn(request, context, response, redirectTo, via)
      : await completeStepUp(request, context, response);
  return ceremonyResponse(answer);
}

export const loader = methodNotAllowed;
