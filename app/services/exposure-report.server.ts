// The customer's exposure, incident by incident and field by field, with the steps the system has seen done.
// Ids and facts only: the page words it in its language, and the statement's reference is the same in either.
import { getAccount } from '~/models/account.server';
import { getExposedFields, getFirstPasskeyCreatedAt } from '~/models/exposure.server';
import { EXPOSABLE_FIELDS, INCIDENTS, incidentEndDate, NEVER_EXPOSED, type ExposableField } from '~/models/incident.server';
import { findPendingPinReset } from '~/models/pin-reset.server';
import { calendarDate } from '~/utils/format-time';
import { combinationsFor } from '~/utils/risk-combinations';
import type { PersonRole } from '../../db/schema';
import { portOutProtectedAt } from './protection.server';

export type CellStatus = 'exposed' | 'not-exposed' | 'not-part';

export interface IncidentExposure {
  id: string;
  involved: boolean;
  exposed: ExposableField[];
  /** Fields this incident could have exposed that it did not expose for this account. */
  notExposed: ExposableField[];
  /** Fields this incident did not involve at all. */
  notPart: ExposableField[];
  /** Ids of what the exposed fields allow together (incidents:combination.<id>). */
  combinations: string[];
}

/** Which way the PIN step reads: whose it is, whether it is done, and why it matters for this account. */
export type PinStepDetail = 'holder-done' | 'holder-todo' | 'done' | 'since-incident' | 'since-latest' | 'not-exposed';

export interface ChecklistStep {
  id: 'change-pin' | 'port-out' | 'passkey';
  /** Whose step it is: the person reading, or the account holder (the PIN is the holder's). */
  owner: 'you' | 'holder';
  done: boolean;
  /** The Pacific calendar date it was done (YYYY-MM-DD). */
  doneAt: string | null;
  /** For the PIN step: which sentence explains it. */
  detail?: PinStepDetail;
}

export interface ExposureReport {
  involvedCount: number;
  incidents: IncidentExposure[];
  grid: Array<{ field: ExposableField; cells: CellStatus[] }>;
  /** Combinations that only appear when fields from different incidents are put together. */
  crossIncidentCombinations: string[];
  neverExposed: readonly string[];
  checklist: ChecklistStep[];
  /** For the holder: a 24-hour PIN reset waiting to take effect (ISO time), which they may cancel. */
  pendingPinReset: { effectiveAt: string } | null;
}

/** Who reads the report: their passkeys make their own checklist, their role says whose step the PIN is. */
export interface ReportViewer {
  personId: number;
  role: PersonRole;
  /** Their own line: port-out protection of it (or of the whole account) ticks their step. */
  phone?: string;
}

export async function getExposureReport(accountId: number, viewer?: ReportViewer): Promise<ExposureReport> {
  const account = await getAccount(accountId);
  if (!account) throw new Response('messages:accountNotFound', { status: 404 });
  const exposedByIncident = await getExposedFields(accountId);

  const incidents = INCIDENTS.map((incident): IncidentExposure => {
    const exposed = new Set(exposedByIncident.get(incident.id) ?? []);
    return {
      id: incident.id,
      involved: exposedByIncident.has(incident.id),
      exposed: incident.possibleFields.filter((field) => exposed.has(field)),
      notExposed: incident.possibleFields.filter((field) => !exposed.has(field)),
      notPart: EXPOSABLE_FIELDS.filter((field) => !incident.possibleFields.includes(field)),
      combinations: combinationsFor(exposed).map((combination) => combination.id),
    };
  });

  const grid = EXPOSABLE_FIELDS.map((field) => ({
    field,
    cells: INCIDENTS.map((incident): CellStatus => {
      if (!incident.possibleFields.includes(field)) return 'not-part';
      return exposedByIncident.get(incident.id)?.includes(field) ? 'exposed' : 'not-exposed';
    }),
  }));

  const involved = incidents.filter((incident) => incident.involved);
  const allExposed = new Set<ExposableField>(involved.flatMap((incident) => incident.exposed));
  const withinOne = new Set(involved.flatMap((incident) => incident.combinations));
  const crossIncidentCombinations = combinationsFor(allExposed)
    .map((combination) => combination.id)
    .filter((id) => !withinOne.has(id));

  const latestExposure = INCIDENTS.filter((incident) => exposedByIncident.has(incident.id))
    .map(incidentEndDate)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  const pinChangedAt = account.pinChangedAt;
  const pinDone = Boolean(pinChangedAt && (!latestExposure || pinChangedAt > latestExposure));
  const firstPasskey = await getFirstPasskeyCreatedAt(accountId, viewer?.personId);
  const pinOwner = viewer && viewer.role !== 'holder' ? 'holder' : 'you';
  const pendingReset = viewer?.role === 'holder' ? await findPendingPinReset(accountId) : null;
  const portOutAt = await portOutProtectedAt(accountId, viewer?.phone ?? null);

  return {
    involvedCount: involved.length,
    incidents,
    grid,
    crossIncidentCombinations,
    neverExposed: NEVER_EXPOSED,
    checklist: [
      {
        id: 'change-pin',
        owner: pinOwner,
        done: pinDone,
        doneAt: pinDone && pinChangedAt ? calendarDate(pinChangedAt) : null,
        detail: pinDetail(pinOwner, pinDone, latestExposure !== undefined, involved.length),
      },
      {
        id: 'port-out',
        owner: 'you',
        done: portOutAt !== null,
        doneAt: portOutAt ? calendarDate(portOutAt) : null,
      },
      {
        id: 'passkey',
        owner: 'you',
        done: firstPasskey !== null,
        doneAt: firstPasskey ? calendarDate(firstPasskey) : null,
      },
    ],
    pendingPinReset: pendingReset ? { effectiveAt: pendingReset.effectiveAt.toISOString() } : null,
  };
}

function pinDetail(owner: 'you' | 'holder', done: boolean, exposed: boolean, involvedCount: number): PinStepDetail {
  if (owner === 'holder') return done ? 'holder-done' : 'holder-todo';
  if (done) return 'done';
  if (exposed) return involvedCount === 1 ? 'since-incident' : 'since-latest';
  return 'not-exposed';
}
