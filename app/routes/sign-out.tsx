// POST /sign-out: ends this browser's session (the header's "Sign out" button). GET just goes home.
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { signOutCustomer } from '~/services/session.server';

export async function action({ request }: ActionFunctionArgs) {
  return redirect('/', { headers: { 'Set-Cookie': await signOutCustomer(request) } });
}

export async function loader() {
  return redirect('/');
}
