import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useHeadline } from '~/components/exposure/dashboard';
import { PrintButton } from '~/components/print-button';
import { fieldLabel, incidentText, neverExposedLabel } from '~/i18n/catalogue';
import { pageTitle } from '~/i18n/translator';
import { useLanguage } from '~/i18n/use-language';
import { requireCustomer } from '~/services/session.server';
import { createStatement } from '~/services/statement.server';
import { formatCalendarDate, formatDateTime } from '~/utils/format-time';

export const meta: MetaFunction = pageTitle('account:statement.metaTitle');

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireCustomer(request);
  return createStatement(session);
}

export default function Statement() {
  const statement = useLoaderData<typeof loader>();
  const { t } = useTranslation('account');
  const language = useLanguage();
  const { report } = statement;
  const headline = useHeadline(report);
  const involved = report.incidents.filter((incident) => incident.involved);
  const actions = report.checklist.filter((step) => step.done && step.doneAt);
  return (
    <article className="statement" aria-labelledby="statement-title">
      <div className="actions no-print">
        <PrintButton />
      </div>
      <p className="eyebrow">{t('statement.eyebrow')}</p>
      <h1 id="statement-title">{t('statement.title')}</h1>
      <dl className="facts">
        <dt>{t('statement.reference')}</dt>
        <dd>{statement.reference}</dd>
        <dt>{t('statement.generated')}</dt>
        <dd>{formatDateTime(new Date(statement.generatedAt), language)}</dd>
        <dt>{t('statement.holder')}</dt>
        <dd>{statement.holder}</dd>
        <dt>{t('statement.account')}</dt>
        <dd>
          {statement.accountNumber} ({t(`statement.accountType.${statement.accountType}`)})
        </dd>
      </dl>
      <p>
        <strong>{headline}</strong>
      </p>

      {involved.map((incident) => (
        <section key={incident.id} className="card" aria-labelledby={`statement-${incident.id}`}>
          <h2 id={`statement-${incident.id}`}>{incidentText(t, incident.id, 'title')}</h2>
          <p>{incidentText(t, incident.id, 'when')}</p>
          <p>
            <strong>{t('statement.exposed')}</strong> {incident.exposed.map((field) => fieldLabel(t, field)).join(', ')}.
          </p>
          <p>
            <strong>{t('statement.notExposed')}</strong>{' '}
            {[
              ...incident.notExposed.map((field) => fieldLabel(t, field)),
              ...report.neverExposed.map((item) => neverExposedLabel(t, item)),
            ].join(', ')}
            .
          </p>
        </section>
      ))}

      <section className="card" aria-labelledby="statement-actions">
        <h2 id="statement-actions">{t('statement.actions')}</h2>
        {actions.length > 0 ? (
          <ul className="link-list">
            {actions.map((step) => (
              <li key={step.id}>
                {t(step.id === 'change-pin' ? 'statement.pinChanged' : 'statement.passkeySetUp', {
                  date: formatCalendarDate(step.doneAt!, language),
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('statement.noActions')}</p>
        )}
      </section>
      <p className="hint">{t('statement.footnote')}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
