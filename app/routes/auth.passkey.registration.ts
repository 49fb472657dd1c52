// POST { context, response }: verifies and stores a new passkey; enrollment also signs the customer in.
import { z } from 'zod';
import { completePasskeyRegistration } from '~/services/customer-auth.server';
import { ceremonyAction, methodNotAllowed } from '~/services/json-endpoint.server';
import { registrationResponseSchema } from '~/services/webauthn.server';

const bodySchema = z.object({ context: z.enum(['enroll', 'add']), response: registrationResponseSchema });

export const action = ceremonyAction(bodySchema, (request, context, body) =>
  completePasskeyRegistration(request, context, body.response, body.context),
);

export const loader = methodNotAllowed;
