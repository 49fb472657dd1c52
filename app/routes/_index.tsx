import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { GeneralAdvice } from '~/components/what-to-do';
import { listIncidents } from '~/models/incident.server';

export const meta: MetaFunction = () => [
  { title: 'Breach check: was your account in the 2018, 2019 or 2020 incidents?' },
  { name: 'description', content: 'Check exactly which of your account details were exposed, and lock your account with a new PIN.' },
];

export async function loader() {
  const incidents = await listIncidents();
  return { incidents: incidents.map(({ id, title, when, summary }) => ({ id, title, when, summary })) };
}

export default function Home() {
  const { incidents } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <p className="eyebrow">Customer breach check</p>
        <h1 id="hero-title">Was your account in one of our three data incidents?</h1>
        <p className="lead">
          In 2018, 2019 and 2020 people got into systems that held some customer details. Sign in to see exactly which of <em>your</em>{' '}
          details were exposed, which were not, and fix the risk in the same visit by choosing a new account PIN.
        </p>
        <div className="actions">
          <Link to="/sign-in" className="button">
            Check my account
          </Link>
          <Link to="/incidents" className="button button--secondary">
            Read what happened
          </Link>
        </div>
      </section>

      <h2>What happened</h2>
      <div className="card-grid">
        {incidents.map((incident) => (
          <article key={incident.id} className="card">
            <p className="eyebrow">{incident.when}</p>
            <h3>
              <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
            </h3>
            <p>{incident.summary}</p>
          </article>
        ))}
      </div>

      <div className="columns">
        <section className="card" aria-labelledby="never-title">
          <h2 id="never-title">What was never exposed</h2>
          <p>
            None of the incidents involved Social Security numbers, credit or debit card numbers, or passwords. Every notice we sent said
            so, and our records agree.
          </p>
        </section>
        <section className="card" aria-labelledby="why-title">
          <h2 id="why-title">Why it still matters</h2>
          <p>
            Your account number, billing ZIP code and phone number together are what a fraudster needs to try to move your number to their
            phone by calling a carrier. Your account PIN is what stops them.
          </p>
        </section>
      </div>

      <h2>What to do now</h2>
      <GeneralAdvice />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
