// POST { step: 'options' } then { step: 'verify', response }: a staff member's first passkey, through their invite.
import { z } from 'zod';
import { ceremonyAction, methodNotAllowed } from '~/services/json-endpoint.server';
import { completeStaffRegistration, staffRegistrationOptions } from '~/services/staff-auth.server';
import { registrationResponseSchema } from '~/services/webauthn.server';

const bodySchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('options') }),
  z.object({ step: z.literal('verify'), response: registrationResponseSchema }),
]);

export const action = ceremonyAction(bodySchema, (request, context, body, params) => {
  const token = params.token ?? '';
  return body.step === 'options'
    ? staffRegistrationOptions(request, context, token)
    : completeStaffRegistration(request, context, token, body.response);
});

export const loader = methodNotAllowed;
