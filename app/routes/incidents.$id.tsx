import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FieldList } from '~/components/field-list';
import { GeneralAdvice } from '~/components/what-to-do';
import { fieldLabel, fieldRisk, incidentText, neverExposedLabel } from '~/i18n/catalogue';
import { languageOfMatches, translatorFor } from '~/i18n/translator';
import { getIncident } from '~/models/incident.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = translatorFor(languageOfMatches(matches));
  return [{ title: t('common:title', { page: data ? incidentText(t, data.incident.id, 'title') : t('incidents:page.notFound') }) }];
};

export async function loader({ params }: LoaderFunctionArgs) {
  const incident = await getIncident(params.id ?? '');
  if (!incident) throw new Response('incidents:missing', { status: 404 });
  return { incident };
}

export default function IncidentPage() {
  const { incident } = useLoaderData<typeof loader>();
  const { t } = useTranslation(['incidents', 'common']);
  const text = (part: Parameters<typeof incidentText>[2]) => incidentText(t, incident.id, part);
  return (
    <>
      <p>
        <Link to="/incidents">{t('page.all')}</Link>
      </p>
      <p className="eyebrow">{text('when')}</p>
      <h1>{text('title')}</h1>
      <p className="lead">{text('summary')}</p>

      <dl className="facts">
        <dt>{t('page.when')}</dt>
        <dd>{text('when')}</dd>
        <dt>{t('page.affected')}</dt>
        <dd>{text('affected')}</dd>
      </dl>

      <h2>{t('page.whatHappened')}</h2>
      <p>{text('whatHappened')}</p>

      <div className="columns">
        <section className="card" aria-labelledby="may-title">
          <h2 id="may-title">{t('page.mayTitle')}</h2>
          <p>{t('page.mayIntro')}</p>
          <FieldList
            items={incident.possibleFields.map((field) => ({ id: field, title: fieldLabel(t, field), text: fieldRisk(t, field) }))}
          />
        </section>
        <section className="card" aria-labelledby="not-title">
          <h2 id="not-title">{t('page.notTitle')}</h2>
          <FieldList
            items={[
              ...incident.neverExposed.map((item) => ({ id: item, title: neverExposedLabel(t, item) })),
              ...incident.otherFields.map((field) => ({ id: field, title: fieldLabel(t, field), text: t('page.notPart') })),
            ]}
          />
        </section>
      </div>

      <h2>{t('page.whatToDo')}</h2>
      <GeneralAdvice />
      <section className="card" aria-labelledby="personal-title">
        <h2 id="personal-title">{t('page.personalTitle')}</h2>
        <p>{t('page.personalText')}</p>
        <Link to="/sign-in" className="button">
          {t('common:checkMyAccount')}
        </Link>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
