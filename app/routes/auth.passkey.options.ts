// POST { mode }: options for a passkey sign-in (discoverable, also used by autofill) or a step-up.
import { z } from 'zod';
import { passkeyAssertionOptions } from '~/services/customer-auth.server';
import { ceremonyAction, methodNotAllowed } from '~/services/json-endpoint.server';

const bodySchema = z.object({ mode: z.enum(['sign-in', 'step-up']) });

export const action = ceremonyAction(bodySchema, (request, context, body) => passkeyAssertionOptions(request, context, body.mode));

export const loader = methodNotAllowed;
