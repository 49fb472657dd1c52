// One incident as it touched this account: what was exposed, what was not, what that lets someone do.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FieldList } from '~/components/field-list';
import { combinationExplanation, combinationTitle, fieldLabel, fieldRisk, incidentText, neverExposedLabel } from '~/i18n/catalogue';
import type { IncidentExposure } from '~/services/exposure-report.server';

export function IncidentSection({ incident, neverExposed }: { incident: IncidentExposure; neverExposed: readonly string[] }) {
  const { t } = useTranslation('account');
  const headingId = `incident-${incident.id}`;
  return (
    <section className="card incident-section" aria-labelledby={headingId}>
      <p className="eyebrow">{incidentText(t, incident.id, 'when')}</p>
      <h2 id={headingId}>{incidentText(t, incident.id, 'title')}</h2>
      <p>
        {incident.involved ? (
          <span className="tag tag--exposed">{t('incident.involved')}</span>
        ) : (
          <span className="tag tag--safe">{t('incident.notInvolved')}</span>
        )}
      </p>
      <p>{incidentText(t, incident.id, 'whatHappened')}</p>

      {incident.involved ? (
        <div className="columns">
          <div>
            <h3>{t('incident.exposedTitle')}</h3>
            <FieldList items={incident.exposed.map((field) => ({ id: field, title: fieldLabel(t, field), text: fieldRisk(t, field) }))} />
          </div>
          <div>
            <h3>{t('incident.notExposedTitle')}</h3>
            <FieldList
              items={[
                ...incident.notExposed.map((field) => ({ id: field, title: fieldLabel(t, field), text: t('incident.otherCustomers') })),
                ...incident.notPart.map((field) => ({ id: field, title: fieldLabel(t, field), text: t('incident.notPart') })),
                ...neverExposed.map((item) => ({ id: item, title: neverExposedLabel(t, item), text: t('incident.never') })),
              ]}
            />
          </div>
        </div>
      ) : (
        <p>{t('incident.none')}</p>
      )}

      {incident.combinations.length > 0 ? (
        <>
          <h3>{t('incident.together')}</h3>
          <FieldList
            items={incident.combinations.map((id) => ({ id, title: combinationTitle(t, id), text: combinationExplanation(t, id) }))}
          />
        </>
      ) : null}
      <p>
        <Link to={`/incidents/${incident.id}`}>{t('incident.about')}</Link>
      </p>
    </section>
  );
}
