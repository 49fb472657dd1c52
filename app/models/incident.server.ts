// Public incident facts from the catalogue, shaped for pages: ids and facts only, worded by the page in its language.
import { EXPOSABLE_FIELDS, NEVER_EXPOSED, type ExposableField } from '../../db/fields';
import { findIncident, INCIDENTS, type IncidentFacts } from '../../db/incidents';

// The catalogue itself, for services that join it with an account's records.
export { EXPOSABLE_FIELDS, NEVER_EXPOSED, type ExposableField, type NeverExposed } from '../../db/fields';
export { findIncident, INCIDENTS, incidentEndDate } from '../../db/incidents';

export interface IncidentView {
  id: string;
  possibleFields: readonly ExposableField[];
  /** Account fields this incident did not involve at all. */
  otherFields: ExposableField[];
  neverExposed: readonly string[];
}

function toView(incident: IncidentFacts): IncidentView {
  return {
    id: incident.id,
    possibleFields: incident.possibleFields,
    otherFields: EXPOSABLE_FIELDS.filter((field) => !incident.possibleFields.includes(field)),
    neverExposed: NEVER_EXPOSED,
  };
}

export async function listIncidents(): Promise<IncidentView[]> {
  return INCIDENTS.map(toView);
}

export async function getIncident(id: string): Promise<IncidentView | null> {
  const incident = findIncident(id);
  return incident ? toView(incident) : null;
}
