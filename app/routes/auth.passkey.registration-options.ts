// POST { context }: options to create a passkey, for enrollment (after a code) or to add one (after a step-up).
import { z } from 'zod';
import { passkeyRegistrationOptions } from '~/services/customer-auth.server';
import { ceremonyAction, methodNotAllowed } from '~/services/json-endpoint.server';

const bodySchema = z.object({ context: z.enum(['enroll', 'add']) });

export const action = ceremonyAction(bodySchema, (request, context, body) => passkeyRegistrationOptions(request, context, body.context));

export const loader = methodNotAllowed;
