import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Trans, useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { GeneralAdvice } from '~/components/what-to-do';
import { incidentText } from '~/i18n/catalogue';
import { languageOfMatches, translatorFor } from '~/i18n/translator';
import { listIncidents } from '~/models/incident.server';

export const meta: MetaFunction = ({ matches }) => {
  const t = translatorFor(languageOfMatches(matches));
  return [{ title: t('home:metaTitle') }, { name: 'description', content: t('home:metaDescription') }];
};

export async function loader() {
  return { incidents: (await listIncidents()).map(({ id }) => ({ id })) };
}

export default function Home() {
  const { incidents } = useLoaderData<typeof loader>();
  const { t } = useTranslation(['home', 'common']);
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <p className="eyebrow">{t('eyebrow')}</p>
        <h1 id="hero-title">{t('title')}</h1>
        <p className="lead">
          <Trans t={t} i18nKey="lead" components={{ em: <em /> }} />
        </p>
        <div className="actions">
          <Link to="/sign-in" className="button">
            {t('common:checkMyAccount')}
          </Link>
          <Link to="/incidents" className="button button--secondary">
            {t('readWhatHappened')}
          </Link>
        </div>
      </section>

      <h2>{t('whatHappened')}</h2>
      <div className="card-grid">
        {incidents.map((incident) => (
          <article key={incident.id} className="card">
            <p className="eyebrow">{incidentText(t, incident.id, 'when')}</p>
            <h3>
              <Link to={`/incidents/${incident.id}`}>{incidentText(t, incident.id, 'title')}</Link>
            </h3>
            <p>{incidentText(t, incident.id, 'summary')}</p>
          </article>
        ))}
      </div>

      <div className="columns">
        <section className="card" aria-labelledby="never-title">
          <h2 id="never-title">{t('neverTitle')}</h2>
          <p>{t('neverText')}</p>
        </section>
        <section className="card" aria-labelledby="why-title">
          <h2 id="why-title">{t('whyTitle')}</h2>
          <p>{t('whyText')}</p>
        </section>
      </div>

      <h2>{t('whatToDo')}</h2>
      <GeneralAdvice />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
