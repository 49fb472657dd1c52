// The exposure page: the answer first, then the grid, the steps, and each incident in detail.
import { PendingPinReset } from '~/components/pin/pending-reset';
import type { ExposureReport } from '~/services/exposure-report.server';
import { Checklist } from './checklist';
import { ExposureGrid } from './exposure-grid';
import { IncidentSection } from './incident-section';
import { FieldList } from '~/components/field-list';

export function ExposureDashboard({ report }: { report: ExposureReport }) {
  return (
    <>
      <h1>Your exposure</h1>
      <p className={report.involvedCount > 0 ? 'alert alert--warn headline' : 'alert alert--ok headline'}>
        <strong>{report.headline}</strong>
        {report.involvedCount > 0 ? ' Below is exactly which of your details were in each one, and which were not.' : null}
      </p>
      {report.pendingPinReset ? <PendingPinReset effectiveAt={report.pendingPinReset.effectiveAt} /> : null}
      <Checklist steps={report.checklist} />
      <ExposureGrid report={report} />
      <p className="hint">None of the incidents involved Social Security numbers, credit or debit card numbers, or passwords.</p>
      {report.crossIncidentCombinations.length > 0 ? (
        <section className="card" aria-labelledby="combined-title">
          <h2 id="combined-title">Put together across incidents</h2>
          <p>Someone holding data from more than one incident could combine it:</p>
          <FieldList
            items={report.crossIncidentCombinations.map((combination) => ({
              id: combination.id,
              title: combination.title,
              text: combination.explanation,
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
