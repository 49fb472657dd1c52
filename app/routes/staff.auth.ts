// POST { step: 'options' } then { step: 'verify', response }: staff passkey sign-in.
import { z } from 'zod';
import { ceremonyAction, methodNotAllowed } from '~/services/json-endpoint.server';
import { completeStaffSignIn, staffSignInOptions } from '~/services/staff-auth.server';
import { authenticationResponseSchema } from '~/services/webauthn.server';

const bodySchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('options') }),
  z.object({ step: z.literal('verify'), response: authenticationResponseSchema }),
]);

export const action = ceremonyAction(bodySchema, (request, context, body) =>
  body.step === 'options' ? staffSignInOptions(request, context) : completeStaffSignIn(request, context, body.response),
);

export const loader = methodNotAllowed;
