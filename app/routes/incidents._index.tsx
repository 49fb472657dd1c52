import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { listIncidents } from '~/models/incident.server';

export const meta: MetaFunction = () => [{ title: 'The incidents | Breach check' }];

export async function loader() {
  return { incidents: await listIncidents() };
}

export default function Incidents() {
  const { incidents } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>The incidents</h1>
      <p className="lead">
        Three incidents exposed some customer details. Each affected different customers and different details. Sign in to see which, if
        any, involved your account.
      </p>
      {incidents.map((incident) => (
        <article key={incident.id} className="card" aria-labelledby={`incident-${incident.id}`}>
          <p className="eyebrow">{incident.when}</p>
          <h2 id={`incident-${incident.id}`}>
            <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
          </h2>
          <p>{incident.summary}</p>
          <p>
            <strong>May have been exposed:</strong> {incident.possibleFields.map((field) => field.label).join(', ')}.
          </p>
          <p>
            <strong>Not exposed:</strong> {incident.neverExposed.join(', ')}.
          </p>
        </article>
      ))}
      <p>
        <Link to="/sign-in" className="button">
          Check my account
        </Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
