// POST { context, response }: verifies and stores a new passkey; enrollment also signs the customer in.
import type { ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { completePasskeyRegistration } from '~/services/customer-auth.server';
import { ceremonyResponse, methodNotAllowed, readJsonBody } from '~/services/json-endpoint.server';
import { registrationResponseSchema } from '~/services/webauthn.server';

const bodySchema = z.object({ context: z.enum(['enroll', 'add']), response: registrationResponseSchema });

export async function action({ request, context }: ActionFunctionArgs) {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  return ceremonyResponse(await completePasskeyRegistration(request, context, body.data.response, body.data.context));
}

export const loader = methodNotAllowed;
