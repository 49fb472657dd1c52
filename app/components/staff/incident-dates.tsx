// Each incident's dates (a form for administrators) beside the 30-day customer-notice deadlines they set.
import { Form } from '@remix-run/react';
import { DataTable } from '~/components/data-table';
import { TextField } from '~/components/text-field';
import { fieldError, typedValue, type FormAnswer } from '~/utils/form-answer';
import { formatCalendarDate } from '~/utils/format-time';
import {
  DATE_FIELDS,
  DATE_LABELS,
  deadlineStatusText,
  NOTICE_RULES,
  type DateField,
  type DeadlineStatus,
  type IncidentDates as Dates,
  type NoticeDeadline,
} from '~/utils/notice-deadlines';

export interface IncidentDatesRow {
  incidentId: string;
  title: string;
  /** The catalogue's date of discovery: a day, or only a month ("2019-11"). */
  catalogueDiscoveredOn: string;
  dates: Dates;
  deadlines: NoticeDeadline[];
  /** "December 2, 2026 at 9:12 AM Pacific time by Dana Lopez", or null while nobody recorded the dates. */
  updated: string | null;
  /** When they were last saved: the form is drawn anew after each save, so it shows what was stored. */
  updatedAt: Date | null;
}

const MONTH = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const catalogueDate = (value: string) =>
  value.length === 7 ? `${MONTH.format(new Date(`${value}-15T12:00:00Z`))} (month only)` : formatCalendarDate(value);

const HINTS: Record<Exclude<DateField, 'discoveredOn'>, string> = {
  determinedOn: 'The day it was reasonably determined to be a breach.',
  authoritiesNotifiedOn: 'The FCC, Secret Service and FBI.',
  customersNotifiedOn: 'The day the notices went out.',
};

const TONE: Record<DeadlineStatus['kind'], string> = { met: 'safe', missed: 'exposed', open: 'pending', 'not-determined': 'na' };

export function IncidentDates({
  incidents,
  answer,
  saved,
}: {
  incidents: IncidentDatesRow[];
  /** The last answer of the page's forms: its errors belong to the incident it names. */
  answer?: FormAnswer;
  saved?: { incidentId: string; notice: string };
}) {
  return (
    <section className="card" aria-labelledby="incident-dates-title">
      <h2 id="incident-dates-title">Incident dates and notice deadlines</h2>
      <p>Customers must be notified within 30 days: for the FCC, of determining the breach; for California, of discovering it.</p>
      {incidents.map((incident) => (
        <IncidentDatesForm
          key={incident.incidentId}
          incident={incident}
          answer={answer?.values?.incidentId === incident.incidentId ? answer : undefined}
          notice={saved?.incidentId === incident.incidentId ? saved.notice : undefined}
        />
      ))}
    </section>
  );
}

function IncidentDatesForm({ incident, answer, notice }: { incident: IncidentDatesRow; answer?: FormAnswer; notice?: string }) {
  const titleId = `dates-${incident.incidentId}-title`;
  const hint = (field: DateField) =>
    field === 'discoveredOn' ? `The catalogue says ${catalogueDate(incident.catalogueDiscoveredOn)}.` : HINTS[field];
  return (
    <section className="incident-dates" aria-labelledby={titleId}>
      <h3 id={titleId}>{incident.title}</h3>
      {notice ? (
        <p className="alert alert--ok" role="status">
          {notice}
        </p>
      ) : null}
      <div className="incident-dates__body">
        <Form method="post" preventScrollReset key={incident.updatedAt?.getTime() ?? 0} className="incident-dates__form">
          <input type="hidden" name="intent" value="incident-dates" />
          <input type="hidden" name="incidentId" value={incident.incidentId} />
          {DATE_FIELDS.map((field) => (
            <TextField
              key={field}
              id={`${incident.incidentId}-${field}`}
              name={field}
              type="date"
              label={DATE_LABELS[field]}
              hint={hint(field)}
              error={fieldError(answer, field)}
              defaultValue={typedValue(answer, field) ?? incident.dates[field] ?? ''}
            />
          ))}
          <button type="submit">Save dates</button>
          <p className="hint">{incident.updated ? `Last changed ${incident.updated}.` : 'Not recorded yet.'}</p>
        </Form>
        <DataTable
          caption={
            <>
              Customer-notice deadlines<span className="visually-hidden">: {incident.title}</span>
            </>
          }
          columns={['Rule', 'Deadline', 'Status']}
        >
          {incident.deadlines.map((deadline) => (
            <tr key={deadline.rule}>
              <th scope="row">
                {NOTICE_RULES[deadline.rule].name}
                <span className="hint">
                  {NOTICE_RULES[deadline.rule].source}: {NOTICE_RULES[deadline.rule].window}
                </span>
              </th>
              <td>{deadline.dueOn ? formatCalendarDate(deadline.dueOn) : '—'}</td>
              <td>
                <span className={`tag tag--${TONE[deadline.status.kind]}`}>{deadlineStatusText(deadline.status)}</span>
                {deadline.status.kind === 'missed' && !deadline.status.customersNotified ? (
                  <span className="hint">Customers not notified yet.</span>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
    </section>
  );
}
