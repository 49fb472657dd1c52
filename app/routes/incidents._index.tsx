import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { fieldLabel, incidentText, neverExposedLabel } from '~/i18n/catalogue';
import { pageTitle } from '~/i18n/translator';
import { listIncidents } from '~/models/incident.server';

export const meta: MetaFunction = pageTitle('incidents:list.title');

export async function loader() {
  return { incidents: await listIncidents() };
}

export default function Incidents() {
  const { incidents } = useLoaderData<typeof loader>();
  const { t } = useTranslation(['incidents', 'common']);
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.lead')}</p>
      {incidents.map((incident) => (
        <article key={incident.id} className="card" aria-labelledby={`incident-${incident.id}`}>
          <p className="eyebrow">{incidentText(t, incident.id, 'when')}</p>
          <h2 id={`incident-${incident.id}`}>
            <Link to={`/incidents/${incident.id}`}>{incidentText(t, incident.id, 'title')}</Link>
          </h2>
          <p>{incidentText(t, incident.id, 'summary')}</p>
          <p>
            <strong>{t('list.mayHaveBeen')}</strong> {incident.possibleFields.map((field) => fieldLabel(t, field)).join(', ')}.
          </p>
          <p>
            <strong>{t('list.notExposed')}</strong> {incident.neverExposed.map((item) => neverExposedLabel(t, item)).join(', ')}.
          </p>
        </article>
      ))}
      <p>
        <Link to="/sign-in" className="button">
          {t('common:checkMyAccount')}
        </Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
