// Public incident facts from the catalogue, shaped for pages (labels and risks included, no account data).
import { FIELD_INFO, EXPOSABLE_FIELDS, NEVER_EXPOSED, type ExposableField } from '../../db/fields';
import { findIncident, INCIDENTS, type IncidentFacts } from '../../db/incidents';

// The catalogue itself, for services that join it with an account's records.
export { EXPOSABLE_FIELDS, NEVER_EXPOSED, type ExposableField } from '../../db/fields';
export { INCIDENTS, incidentEndDate } from '../../db/incidents';

export interface FieldView {
  id: ExposableField;
  label: string;
  risk: string;
}

export interface IncidentView extends Omit<IncidentFacts, 'possibleFields'> {
  possibleFields: FieldView[];
  /** Account fields this incident did not involve at all. */
  otherFields: FieldView[];
  neverExposed: readonly string[];
}

export function fieldView(id: ExposableField): FieldView {
  return { id, ...FIELD_INFO[id] };
}

function toView(incident: IncidentFacts): IncidentView {
  return {
    ...incident,
    possibleFields: incident.possibleFields.map(fieldView),
    otherFields: EXPOSABLE_FIELDS.filter((field) => !incident.possibleFields.includes(field)).map(fieldView),
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
