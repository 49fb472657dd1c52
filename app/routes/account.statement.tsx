import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PrintButton } from '~/components/print-button';
import { requireCustomer } from '~/services/session.server';
import { createStatement } from '~/services/statement.server';

import { formatCalendarDate, formatDateTime } from '~/utils/format-time';

export const meta: MetaFunction = () => [{ title: 'Statement of exposure | Breach check' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  return createStatement(session);
}

export default function Statement() {
  const statement = useLoaderData<typeof loader>();
  const { report } = statement;
  const involved = report.incidents.filter((incident) => incident.involved);
  const actions = report.checklist.filter((step) => step.done && step.doneAt);
  return (
    <article className="statement" aria-labelledby="statement-title">
      <div className="actions no-print">
        <PrintButton />
      </div>
      <p className="eyebrow">Statement of exposure</p>
      <h1 id="statement-title">Customer data incidents: statement for your records</h1>
      <dl className="facts">
        <dt>Reference</dt>
        <dd>{statement.reference}</dd>
        <dt>Generated</dt>
        <dd>{formatDateTime(new Date(statement.generatedAt))}</dd>
        <dt>Account holder</dt>
        <dd>{statement.holder}</dd>
        <dt>Account</dt>
        <dd>
          {statement.accountNumber} ({statement.accountType})
        </dd>
      </dl>
      <p>
        <strong>{report.headline}</strong>
      </p>

      {involved.map((incident) => (
        <section key={incident.id} className="card" aria-labelledby={`statement-${incident.id}`}>
          <h2 id={`statement-${incident.id}`}>{incident.title}</h2>
          <p>{incident.when}</p>
          <p>
            <strong>Exposed for this account:</strong> {incident.exposed.map((field) => field.label).join(', ')}.
          </p>
          <p>
            <strong>Not exposed for this account:</strong>{' '}
            {[...incident.notExposed.map((field) => field.label), ...report.neverExposed].join(', ')}.
          </p>
        </section>
      ))}

      <section className="card" aria-labelledby="statement-actions">
        <h2 id="statement-actions">Actions taken</h2>
        {actions.length > 0 ? (
          <ul className="link-list">
            {actions.map((step) => (
              <li key={step.id}>
                {step.id === 'change-pin' ? 'Account PIN changed' : 'Passkey set up for sign-in'} on {formatCalendarDate(step.doneAt!)}
              </li>
            ))}
          </ul>
        ) : (
          <p>No actions recorded yet.</p>
        )}
      </section>
      <p className="hint">
        This statement reflects the carrier&rsquo;s records of the incidents at the time it was generated. Quote the reference when you
        contact us about it.
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
