import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { GeneralAdvice } from '~/components/what-to-do';
import { getIncident } from '~/models/incident.server';
import { FieldList } from '~/components/field-list';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.incident.title} | Breach check` : 'Incident not found | Breach check' },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const incident = await getIncident(params.id ?? '');
  if (!incident) throw new Response('There is no incident with that name. The three incidents are listed below.', { status: 404 });
  return { incident };
}

export default function IncidentPage() {
  const { incident } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/incidents">All incidents</Link>
      </p>
      <p className="eyebrow">{incident.when}</p>
      <h1>{incident.title}</h1>
      <p className="lead">{incident.summary}</p>

      <dl className="facts">
        <dt>When</dt>
        <dd>{incident.when}</dd>
        <dt>Customers affected</dt>
        <dd>{incident.affectedNote}</dd>
      </dl>

      <h2>What happened</h2>
      <p>{incident.whatHappened}</p>

      <div className="columns">
        <section className="card" aria-labelledby="may-title">
          <h2 id="may-title">Details that may have been exposed</h2>
          <p>Not every affected customer had every one of these exposed. Sign in to see your own.</p>
          <FieldList items={incident.possibleFields.map((field) => ({ id: field.id, title: field.label, text: field.risk }))} />
        </section>
        <section className="card" aria-labelledby="not-title">
          <h2 id="not-title">Not exposed</h2>
          <FieldList
            items={[
              ...incident.neverExposed.map((item) => ({ id: item, title: item })),
              ...incident.otherFields.map((field) => ({ id: field.id, title: field.label, text: 'Not part of this incident.' })),
            ]}
          />
        </section>
      </div>

      <h2>What to do</h2>
      <GeneralAdvice />
      <section className="card" aria-labelledby="personal-title">
        <h2 id="personal-title">See your own answer</h2>
        <p>Sign in with a passkey to see whether your account was in this incident and exactly which details.</p>
        <Link to="/sign-in" className="button">
          Check my account
        </Link>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
