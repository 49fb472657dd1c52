// POST { step: 'options' } then { step: 'verify', response }: staff passkey sign-in.
import type { ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { ceremonyResponse, methodNotAllowed, readJsonBody } from '~/services/json-endpoint.server';
import { completeStaffSignIn, staffSignInOptions } from '~/services/staff-auth.server';
import { authenticationResponseSchema } from '~/services/webauthn.server';

const bodySchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('options') }),
  z.object({ step: z.literal('verify'), response: authenticationResponseSchema }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  const answer =
    body.data.step === 'options'
      ? await staffSignInOptions(request, context)
      : await completeStaffSignIn(request, context, body.data.response);
  return ceremonyResponse(answer);
}

export const loader = methodNotAllowed;
