// POST /language: the switcher in the header. Remembers the choice (and a signed-in person's, with them) and goes
// back to the page it was pressed on. GET just goes home.
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { LANGUAGES } from '~/i18n/config';
import { parseForm } from '~/services/form.server';
import { chooseLanguage } from '~/services/i18n.server';
import { getCustomerSession } from '~/services/session.server';
import { safeRedirect } from '~/utils/safe-redirect';

const LanguageChoice = z.object({ lng: z.enum(LANGUAGES), redirectTo: z.string().max(512).optional() });

export async function action({ request }: ActionFunctionArgs) {
  const form = await parseForm(request, LanguageChoice);
  if (!form.ok) throw new Response(null, { status: 400 });
  const cookie = await chooseLanguage(form.data.lng, await getCustomerSession(request));
  return redirect(safeRedirect(form.data.redirectTo, '/'), { status: 303, headers: { 'Set-Cookie': cookie } });
}

export async function loader() {
  return redirect('/');
}
