// One incident as it touched this account: what was exposed, what was not, what that lets someone do.
import { Link } from '@remix-run/react';
import type { IncidentExposure } from '~/services/exposure-report.server';

export function IncidentSection({ incident, neverExposed }: { incident: IncidentExposure; neverExposed: readonly string[] }) {
  const headingId = `incident-${incident.id}`;
  return (
    <section className="card incident-section" aria-labelledby={headingId}>
      <p className="eyebrow">{incident.when}</p>
      <h2 id={headingId}>{incident.title}</h2>
      <p>
        {incident.involved ? (
          <span className="tag tag--exposed">Your account was in this incident</span>
        ) : (
          <span className="tag tag--safe">Your account was not in this incident</span>
        )}
      </p>
      <p>{incident.whatHappened}</p>

      {incident.involved ? (
        <div className="columns">
          <div>
            <h3>Exposed for your account</h3>
            <ul className="field-list">
              {incident.exposed.map((field) => (
                <li key={field.id}>
                  <strong>{field.label}</strong>
                  <span>{field.risk}</span>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3>Not exposed for your account</h3>
            <ul className="field-list">
              {incident.notExposed.map((field) => (
                <li key={field.id}>
                  <strong>{field.label}</strong>
                  <span>Part of this incident for other customers, not for you.</span>
                </li>
              ))}
              {incident.notPart.map((field) => (
                <li key={field.id}>
                  <strong>{field.label}</strong>
                  <span>Not part of this incident.</span>
                </li>
              ))}
              {neverExposed.map((item) => (
                <li key={item}>
                  <strong>{item}</strong>
                  <span>Never part of any incident.</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        <p>None of your details were in this incident.</p>
      )}

      {incident.combinations.length > 0 ? (
        <>
          <h3>What these details allow together</h3>
          <ul className="field-list">
            {incident.combinations.map((combination) => (
              <li key={combination.id}>
                <strong>{combination.title}</strong>
                <span>{combination.explanation}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to={`/incidents/${incident.id}`}>About this incident</Link>
      </p>
    </section>
  );
}
