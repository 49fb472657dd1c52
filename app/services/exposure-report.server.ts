// The customer's exposure, incident by incident and field by field, with the steps the system has seen done.
import { getAccount } from '~/models/account.server';
import type { PersonRole } from '../../db/schema';
import { getExposedFields, getFirstPasskeyCreatedAt } from '~/models/exposure.server';
import { findPendingPinReset } from '~/models/pin-reset.server';
import {
  EXPOSABLE_FIELDS,
  fieldView,
  INCIDENTS,
  incidentEndDate,
  NEVER_EXPOSED,
  type ExposableField,
  type FieldView,
} from '~/models/incident.server';
import { calendarDate } from '~/utils/format-time';
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
  /** Whose step it is: the person reading, or the account holder (the PIN is the holder's). */
  owner: 'you' | 'holder';
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
  /** For the holder: a 24-hour PIN reset waiting to take effect (ISO time), which they may cancel. */
  pendingPinReset: { effectiveAt: string } | null;
}

/** Who reads the report: their passkeys make their own checklist, their role says whose step the PIN is. */
export interface ReportViewer {
  personId: number;
  role: PersonRole;
}

export async function getExposureReport(accountId: number, viewer?: ReportViewer): Promise<ExposureReport> {
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
  const firstPasskey = await getFirstPasskeyCreatedAt(accountId, viewer?.personId);
  const pinOwner = viewer && viewer.role !== 'holder' ? 'holder' : 'you';
  const pendingReset = viewer?.role === 'holder' ? await findPendingPinReset(accountId) : null;

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
        owner: pinOwner,
        title: pinOwner === 'you' ? 'Change your account PIN' : 'The account holder changes the account PIN',
        done: pinDone,
        doneAt: pinDone && pinChangedAt ? calendarDate(pinChangedAt) : null,
        detail: pinDetail(pinOwner, pinDone, latestExposure !== undefined, involved.length),
      },
      {
        id: 'passkey',
        owner: 'you',
        title: 'Set up a passkey',
        done: firstPasskey !== null,
        doneAt: firstPasskey ? calendarDate(firstPasskey) : null,
        detail: 'You sign in here with a passkey: nothing a phishing site could steal.',
      },
    ],
    pendingPinReset: pendingReset ? { effectiveAt: pendingReset.effectiveAt.toISOString() } : null,
  };
}

function pinDetail(owner: 'you' | 'holder', done: boolean, exposed: boolean, involvedCount: number): string {
  const latest = involvedCount === 1 ? 'the incident' : 'the latest incident';
  if (owner === 'holder') {
    if (done) return 'The account holder changed the PIN after the incidents that involved the account.';
    return 'Only the account holder can change the account PIN, the lock that stops someone moving your line to a new SIM or carrier. You can ask them to.';
  }
  if (done) return 'Your PIN was changed after the incidents that involved your account.';
  if (exposed) return `Your PIN has not been changed since ${latest} that involved your account.`;
  return 'Your account was not in any incident, but a strong PIN is still the best lock on your number.';
}

function headline(involvedCount: number): string {
  if (involvedCount === 0) {
    return `Your account was not in any of the ${INCIDENTS.length} incidents. We checked it against the records of all ${INCIDENTS.length}.`;
  }
  return `Your account was in ${involvedCount} of the ${INCIDENTS.length} incidents.`;
}
