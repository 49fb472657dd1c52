// The incident catalogue (DESIGN section 1) as data: the facts every page and import relies on. What customers read
// about each incident is in the catalogs of each language (app/i18n/locales/*/incidents.ts), keyed by these ids;
// the English title and summary are kept here too, as the record stored in the incidents table.
import type { ExposableField } from './fields';

export interface IncidentFacts {
  id: string;
  title: string;
  /** ISO date (or month) it was discovered or happened. */
  discoveredOn: string;
  summary: string;
  possibleFields: readonly ExposableField[];
  /** Approximate number of customers affected, where the carrier said so. */
  approxAffected: number | null;
}

export const INCIDENTS: readonly IncidentFacts[] = [
  {
    id: '2018-08-api',
    title: 'August 2018: leaky website API',
    discoveredOn: '2018-08-20',
    summary: 'Someone got unauthorized access to customer details through an interface ("API") behind part of our website.',
    possibleFields: ['name', 'billing_zip', 'phone_number', 'email_address', 'account_number', 'account_type'],
    approxAffected: 2_300_000,
  },
  {
    id: '2019-11-prepaid',
    title: 'November 2019: prepaid accounts',
    discoveredOn: '2019-11',
    summary: 'Someone got unauthorized access to information about some prepaid accounts.',
    possibleFields: ['name', 'billing_address', 'phone_number', 'account_number', 'rate_plan', 'plan_features'],
    approxAffected: null,
  },
  {
    id: '2020-03-email-vendor',
    title: 'March 2020: email vendor attack',
    discoveredOn: '2020-03',
    summary: "An attack on our email vendor gave access to some employees' mailboxes, which held customer account information.",
    possibleFields: ['name', 'billing_address', 'phone_number', 'account_number', 'rate_plan', 'plan_features', 'billing_information'],
    approxAffected: null,
  },
];

export const INCIDENT_IDS = INCIDENTS.map((incident) => incident.id) as readonly string[];

export function findIncident(id: string): IncidentFacts | undefined {
  return INCIDENTS.find((incident) => incident.id === id);
}

/** The last calendar day of the incident's date, for "changed after the incident" checks. */
export function incidentEndDate(incident: IncidentFacts): Date {
  const [year, month, day] = incident.discoveredOn.split('-').map(Number);
  return day ? new Date(Date.UTC(year!, month! - 1, day, 23, 59, 59)) : new Date(Date.UTC(year!, month!, 0, 23, 59, 59));
}
