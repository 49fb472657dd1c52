// POST /staff/sign-out: ends this browser's staff session.
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { signOutStaff } from '~/services/session.server';

export async function action({ request }: ActionFunctionArgs) {
  return redirect('/staff/sign-in', { headers: { 'Set-Cookie': await signOutStaff(request) } });
}

export async function loader() {
  return redirect('/staff/sign-in');
}
