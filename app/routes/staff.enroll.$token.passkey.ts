// POST { step: 'options' } then { step: 'verify', response }: a staff member's first passkey, through their invite.
import type { ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { ceremonyResponse, methodNotAllowed, readJsonBody } from '~/services/json-endpoint.server';
import { completeStaffRegistration, staffRegistrationOptions } from '~/services/staff-auth.server';
import { registrationResponseSchema } from '~/services/webauthn.server';

const bodySchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('options') }),
  z.object({ step: z.literal('verify'), response: registrationResponseSchema }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  const token = params.token ?? '';
  const answer =
    body.data.step === 'options'
      ? await staffRegistrationOptions(request, context, token)
      : await completeStaffRegistration(request, context, token, body.data.response);
  return ceremonyResponse(answer);
}

export const loader = methodNotAllowed;
