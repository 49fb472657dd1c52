// The exposure page: the answer first, then the grid, the steps, and each incident in detail.
import { useTranslation } from 'react-i18next';
import { FieldList } from '~/components/field-list';
import { PendingPinReset } from '~/components/pin/pending-reset';
import { combinationExplanation, combinationTitle } from '~/i18n/catalogue';
import type { ExposureReport } from '~/services/exposure-report.server';
import { Checklist } from './checklist';
import { ExposureGrid } from './exposure-grid';
import { IncidentSection } from './incident-section';

/** "Your account was in 2 of the 3 incidents." */
export function useHeadline(report: Pick<ExposureReport, 'involvedCount' | 'incidents'>): string {
  const { t } = useTranslation('account');
  const total = report.incidents.length;
  return report.involvedCount === 0 ? t('dashboard.inNone', { total }) : t('dashboard.inSome', { count: report.involvedCount, total });
}

export function ExposureDashboard({ report }: { report: ExposureReport }) {
  const { t } = useTranslation(['account', 'incidents']);
  const headline = useHeadline(report);
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <p className={report.involvedCount > 0 ? 'alert alert--warn headline' : 'alert alert--ok headline'}>
        <strong>{headline}</strong>
        {report.involvedCount > 0 ? ` ${t('dashboard.below')}` : null}
      </p>
      {report.pendingPinReset ? <PendingPinReset effectiveAt={report.pendingPinReset.effectiveAt} /> : null}
      <Checklist steps={report.checklist} />
      <ExposureGrid report={report} />
      <p className="hint">{t('dashboard.neverHint')}</p>
      {report.crossIncidentCombinations.length > 0 ? (
        <section className="card" aria-labelledby="combined-title">
          <h2 id="combined-title">{t('dashboard.combinedTitle')}</h2>
          <p>{t('dashboard.combinedIntro')}</p>
          <FieldList
            items={report.crossIncidentCombinations.map((id) => ({
              id,
              title: combinationTitle(t, id),
              text: combinationExplanation(t, id),
            }))}
          />
        </section>
      ) : null}
      {report.incidents.map((incident) => (
        <IncidentSection key={incident.id} incident={incident} neverExposed={report.neverExposed} />
      ))}
    </>
  );
}
