// The incident catalogue (DESIGN section 1) as data: the public facts every page renders from.
import type { ExposableField } from './fields';

export interface IncidentFacts {
  id: string;
  title: string;
  /** ISO date (or month) it was discovered or happened. */
  discoveredOn: string;
  /** Human form of the date, as the notices said it. */
  when: string;
  summary: string;
  whatHappened: string;
  possibleFields: readonly ExposableField[];
  /** Approximate number of customers affected, where the carrier said so. */
  approxAffected: number | null;
  affectedNote: string;
}

export const INCIDENTS: readonly IncidentFacts[] = [
  {
    id: '2018-08-api',
    title: 'August 2018: leaky website API',
    discoveredOn: '2018-08-20',
    when: 'Discovered on August 20, 2018',
    summary: 'Someone got unauthorized access to customer details through an interface ("API") behind part of our website.',
    whatHappened:
      'On August 20, 2018 our security team found and shut down unauthorized access to customer information through an API serving part of our website. About 2.3 million customers most at risk were told by text message.',
    possibleFields: ['name', 'billing_zip', 'phone_number', 'email_address', 'account_number', 'account_type'],
    approxAffected: 2_300_000,
    affectedNote: 'About 2.3 million customers were texted.',
  },
  {
    id: '2019-11-prepaid',
    title: 'November 2019: prepaid accounts',
    discoveredOn: '2019-11',
    when: 'November 2019',
    summary: 'Someone got unauthorized access to information about some prepaid accounts.',
    whatHappened:
      'In November 2019 our security team found and shut down unauthorized access to information about some prepaid customers. Postpaid accounts were not part of it.',
    possibleFields: ['name', 'billing_address', 'phone_number', 'account_number', 'rate_plan', 'plan_features'],
    approxAffected: null,
    affectedNote: 'A subset of prepaid customers; the carrier did not publish a number.',
  },
  {
    id: '2020-03-email-vendor',
    title: 'March 2020: email vendor attack',
    discoveredOn: '2020-03',
    when: 'March 2020',
    summary: "An attack on our email vendor gave access to some employees' mailboxes, which held customer account information.",
    whatHappened:
      'In March 2020 an attacker got into the email vendor we use and from there into some employee mailboxes. Some of those emails contained customer account information.',
    possibleFields: ['name', 'billing_address', 'phone_number', 'account_number', 'rate_plan', 'plan_features', 'billing_information'],
    approxAffected: null,
    affectedNote: 'A small share of customers; the carrier did not publish a number.',
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
