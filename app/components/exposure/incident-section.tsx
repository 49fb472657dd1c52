// One incident as it touched this account: what was exposed, what was not, what that lets someone do.
import { Link } from '@remix-run/react';
import { FieldList } from '~/components/field-list';
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
            <FieldList items={incident.exposed.map((field) => ({ id: field.id, title: field.label, text: field.risk }))} />
          </div>
          <div>
            <h3>Not exposed for your account</h3>
            <FieldList
              items={[
                ...incident.notExposed.map((field) => ({
                  id: field.id,
                  title: field.label,
                  text: 'Part of this incident for other customers, not for you.',
                })),
                ...incident.notPart.map((field) => ({ id: field.id, title: field.label, text: 'Not part of this incident.' })),
                ...neverExposed.map((item) => ({ id: item, title: item, text: 'Never part of any incident.' })),
              ]}
            />
          </div>
        </div>
      ) : (
        <p>None of your details were in this incident.</p>
      )}

      {incident.combinations.length > 0 ? (
        <>
          <h3>What these details allow together</h3>
          <FieldList
            items={incident.combinations.map((combination) => ({
              id: combination.id,
              title: combination.title,
              text: combination.explanation,
            }))}
          />
        </>
      ) : null}
      <p>
        <Link to={`/incidents/${incident.id}`}>About this incident</Link>
      </p>
    </section>
  );
}
