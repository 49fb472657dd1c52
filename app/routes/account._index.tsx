import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ExposureDashboard } from '~/components/exposure/dashboard';
import { getExposureReport } from '~/services/exposure-report.server';
import { requireCustomer } from '~/services/session.server';

export const meta: MetaFunction = () => [{ title: 'Your exposure | Breach check' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  return { report: await getExposureReport(session.accountId, { personId: session.customerId, role: session.role }) };
}

export default function YourExposure() {
  const { report } = useLoaderData<typeof loader>();
  return <ExposureDashboard report={report} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
