// What exposed fields let an attacker do together: the combinations matter more than single fields.
import type { ExposableField } from '../../db/fields';

/** What each combination is called and what it allows are in the catalogs (incidents:combination.<id>). */
export interface RiskCombination {
  id: string;
  fields: readonly ExposableField[];
}

export const RISK_COMBINATIONS: readonly RiskCombination[] = [
  {
    id: 'port-out-kit',
    fields: ['account_number', 'billing_zip', 'phone_number'],
  },
  {
    id: 'port-out-request',
    fields: ['account_number', 'phone_number'],
  },
  {
    id: 'targeted-texts',
    fields: ['name', 'phone_number'],
  },
  {
    id: 'targeted-email',
    fields: ['name', 'email_address'],
  },
  {
    id: 'billing-scam',
    fields: ['name', 'billing_information'],
  },
  {
    id: 'impersonation',
    fields: ['name', 'billing_address'],
  },
];

/** The combinations fully contained in a set of exposed fields; the port-out kit replaces its smaller form. */
export function combinationsFor(exposed: ReadonlySet<string>): RiskCombination[] {
  const found = RISK_COMBINATIONS.filter((combination) => combination.fields.every((field) => exposed.has(field)));
  const hasKit = found.some((combination) => combination.id === 'port-out-kit');
  return hasKit ? found.filter((combination) => combination.id !== 'port-out-request') : found;
}
