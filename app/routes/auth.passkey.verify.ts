// POST { mode, response, redirectTo? }: verifies a passkey assertion; signs in (new session) or records a step-up.
import { z } from 'zod';
import { completePasskeySignIn, completeStepUp } from '~/services/customer-auth.server';
import { ceremonyAction, methodNotAllowed } from '~/services/json-endpoint.server';
import { authenticationResponseSchema } from '~/services/webauthn.server';

const bodySchema = z.object({
  mode: z.enum(['sign-in', 'step-up']),
  response: authenticationResponseSchema,
  redirectTo: z.string().max(512).optional(),
  via: z.enum(['autofill', 'button']).optional(),
});

export const action = ceremonyAction(bodySchema, (request, context, { mode, response, redirectTo, via }) =>
  mode === 'sign-in' ? completePasskeySignIn(request, context, response, redirectTo, via) : completeStepUp(request, context, response),
);

export const loader = methodNotAllowed;
