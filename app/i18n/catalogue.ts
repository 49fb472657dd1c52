// The incident catalogue in the reader's language: names and texts by the catalogue's ids (db/incidents.ts, db/fields.ts).
import type { TFunction } from 'i18next';

type IncidentText = 'title' | 'when' | 'summary' | 'whatHappened' | 'affected';

export const incidentText = (t: TFunction, id: string, part: IncidentText): string => t(`incidents:incident.${id}.${part}`);
export const fieldLabel = (t: TFunction, id: string): string => t(`incidents:field.${id}.label`);
export const fieldRisk = (t: TFunction, id: string): string => t(`incidents:field.${id}.risk`);
export const neverExposedLabel = (t: TFunction, id: string): string => t(`incidents:never.${id}`);
export const combinationTitle = (t: TFunction, id: string): string => t(`incidents:combination.${id}.title`);
export const combinationExplanation = (t: TFunction, id: string): string => t(`incidents:combination.${id}.explanation`);
