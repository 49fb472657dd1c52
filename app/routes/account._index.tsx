import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ExposureDashboard } from '~/components/exposure/dashboard';
import { pageTitle } from '~/i18n/translator';
import { getExposureReport } from '~/services/exposure-report.server';
import { requireCustomer } from '~/services/session.server';

export const meta: MetaFunction = pageTitle('account:dashboard.title');

// server/private-page-memo.ts runs this loader to key the page, and Remix runs it again on a miss: it must stay free of
// side effects (docs/decisions/003-page-memo.md).
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  return { report: await getExposureReport(session.accountId, { personId: session.customerId, role: session.role, phone: session.phone }) };
}

export default function YourExposure() {
  const { report } = useLoaderData<typeof loader>();
  return <ExposureDashboard report={report} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
