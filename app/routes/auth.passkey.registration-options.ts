// POST { context }: options to create a passkey, for enrollment (after a code) or to add one (after a step-up).
import type { ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { passkeyRegistrationOptions } from '~/services/customer-auth.server';
import { ceremonyResponse, methodNotAllowed, readJsonBody } from '~/services/json-endpoint.server';

const bodySchema = z.object({ context: z.enum(['enroll', 'add']) });

export async function action({ request, context }: ActionFunctionArgs) {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  return ceremonyResponse(await passkeyRegistrationOptions(request, context, body.data.context));
}

export const loader = methodNotAllowed;
