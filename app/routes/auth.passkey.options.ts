// POST { mode }: options for a passkey sign-in (discoverable, also used by autofill) or a step-up.
import type { ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { passkeyAssertionOptions } from '~/services/customer-auth.server';
import { ceremonyResponse, methodNotAllowed, readJsonBody } from '~/services/json-endpoint.server';

const bodySchema = z.object({ mode: z.enum(['sign-in', 'step-up']) });

export async function action({ request, context }: ActionFunctionArgs) {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  return ceremonyResponse(await passkeyAssertionOptions(request, context, body.data.mode));
}

export const loader = methodNotAllowed;
