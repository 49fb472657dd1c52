// Any URL no other route claims: our own 404, rendered in the site layout.
import { GeneralErrorBoundary } from '~/components/error-boundary';

export async function loader() {
  throw new Response(null, { status: 404 });
}

export async function action() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
