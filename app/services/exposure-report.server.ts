// The customer's exposure, incident by incident and field by field, with the steps the system has seen done.
import { EXPOSABLE_FIELDS, NEVER_EXPOSED, type ExposableField } from '../../db/fields';
import { INCIDENTS, incidentEndDate } from '../../db/incidents';
import { getAccount } from '~/models/account.server';
import { getExposedFields, getFirstPasskeyCreatedAt } from '~/models/exposure.server';
import { fieldView, type FieldView } from '~/models/incident.server';
import { combinationsFor, type RiskCombination } from '~/utils/risk-combinations';

export type CellStatus = 'exposed' | 'not-exposed' | 'not-part';

export interface IncidentExposure {
  id: string;
  title: string;
  when: string;
  whatHappened: string;
  involved: boolean;
  exposed: FieldView[];
  /** Fields this incident could have exposed that it did not expose for this account. */
  notExposed: FieldView[];
  /** Fields this incident did not involve at all. */
  notPart: FieldView[];
  combinations: RiskCombination[];
}

export interface ChecklistStep {
  id: 'change-pin' | 'passkey';
  title: string;
  done: boolean;
  doneAt: string | null;
  detail: string;
}

export interface ExposureReport {
  headline: string;
  involvedCount: number;
  incidents: IncidentExposure[];
  grid: Array<{ field: FieldView; cells: CellStatus[] }>;
  /** Combinations that only appear when fields from different incidents are put together. */
  crossIncidentCombinations: RiskCombination[];
  neverExposed: readonly string[];
  checklist: ChecklistStep[];
}

const dateOnly = (date: Date) => date.toISOString().slice(0, 10);

export async function getExposureReport(accountId: number): Promise<ExposureReport> {
  const account = await getAccount(accountId);
  if (!account) throw new Response('Account not found', { status: 404 });
  const exposedByIncident = await getExposedFields(accountId);

  const incidents = INCIDENTS.map((incident): IncidentExposure => {
    const exposed = new Set(exposedByIncident.get(incident.id) ?? []);
    return {
      id: incident.id,
      title: incident.title,
      when: incident.when,
      whatHappened: incident.whatHappened,
      involved: exposedByIncident.has(incident.id),
      exposed: incident.possibleFields.filter((field) => exposed.has(field)).map(fieldView),
      notExposed: incident.possibleFields.filter((field) => !exposed.has(field)).map(fieldView),
      notPart: EXPOSABLE_FIELDS.filter((field) => !incident.possibleFields.includes(field)).map(fieldView),
      combinations: combinationsFor(exposed),
    };
  });

  const grid = EXPOSABLE_FIELDS.map((field) => ({
    field: fieldView(field),
    cells: INCIDENTS.map((incident): CellStatus => {
      if (!incident.possibleFields.includes(field)) return 'not-part';
      return exposedByIncident.get(incident.id)?.includes(field) ? 'exposed' : 'not-exposed';
    }),
  }));

  const involved = incidents.filter((incident) => incident.involved);
  const allExposed = new Set<ExposableField>(involved.flatMap((incident) => incident.exposed.map((field) => field.id)));
  const withinOne = new Set(involved.flatMap((incident) => incident.combinations.map((combination) => combination.id)));
  const crossIncidentCombinations = combinationsFor(allExposed).filter((combination) => !withinOne.has(combination.id));

  const latestExposure = INCIDENTS.filter((incident) => exposedByIncident.has(incident.id))
    .map(incidentEndDate)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  const pinChangedAt = account.pinChangedAt;
  const pinDone = Boolean(pinChangedAt && (!latestExposure || pinChangedAt > latestExposure));
  const firstPasskey = await getFirstPasskeyCreatedAt(accountId);

  return {
    headline: headline(involved.length),
    involvedCount: involved.length,
    incidents,
    grid,
    crossIncidentCombinations,
    neverExposed: NEVER_EXPOSED,
    checklist: [
      {
        id: 'change-pin',
        title: 'Change your account PIN',
        done: pinDone,
        doneAt: pinDone && pinChangedAt ? dateOnly(pinChangedAt) : null,
        detail: pinDone
          ? 'Your PIN was changed after the incidents that involved your account.'
          : latestExposure
            ? `Your PIN has not been changed since ${involved.length === 1 ? 'the incident' : 'the latest incident'} that involved your account.`
            : 'Your account was not in any incident, but a strong PIN is still the best lock on your number.',
      },
      {
        id: 'passkey',
        title: 'Set up a passkey',
        done: firstPasskey !== null,
        doneAt: firstPasskey ? dateOnly(firstPasskey) : null,
        detail: 'You sign in here with a passkey: nothing a phishing site could steal.',
      },
    ],
  };
}

function headline(involvedCount: number): string {
  if (involvedCount === 0) {
    return `Your account was not in any of the ${INCIDENTS.length} incidents. We checked it against the records of all ${INCIDENTS.length}.`;
  }
  return `Your account was in ${involvedCount} of the ${INCIDENTS.length} incidents.`;
}
