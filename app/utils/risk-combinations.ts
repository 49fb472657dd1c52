// What exposed fields let an attacker do together: the combinations matter more than single fields.
import type { ExposableField } from '../../db/fields';

export interface RiskCombination {
  id: string;
  fields: readonly ExposableField[];
  title: string;
  explanation: string;
}

export const RISK_COMBINATIONS: readonly RiskCombination[] = [
  {
    id: 'port-out-kit',
    fields: ['account_number', 'billing_zip', 'phone_number'],
    title: 'Port-out and SIM-swap attempts by phone',
    explanation:
      'Account number, billing ZIP and phone number are exactly what someone calling a carrier needs to try to move your number to their SIM. Your account PIN is the check that stops them.',
  },
  {
    id: 'port-out-request',
    fields: ['account_number', 'phone_number'],
    title: 'Port-out requests',
    explanation:
      'With your account number and phone number, another carrier can be asked to take over your number. A new account PIN blocks the transfer.',
  },
  {
    id: 'targeted-texts',
    fields: ['name', 'phone_number'],
    title: 'Convincing scam texts and calls',
    explanation:
      'Messages that use your real name on your real number are more believable. We never text links: delete any that claim to be us.',
  },
  {
    id: 'targeted-email',
    fields: ['name', 'email_address'],
    title: 'Phishing email',
    explanation: 'Email that greets you by name can look like it is from us. We never email links about these incidents.',
  },
  {
    id: 'billing-scam',
    fields: ['name', 'billing_information'],
    title: 'Fake billing and payment messages',
    explanation: 'Real billing details make "your payment failed" messages believable. Check your bill only by signing in or calling 611.',
  },
  {
    id: 'impersonation',
    fields: ['name', 'billing_address'],
    title: 'Posing as you',
    explanation: 'Name and address help someone pass simple identity checks elsewhere. Consider a credit freeze if you see signs of it.',
  },
];

/** The combinations fully contained in a set of exposed fields; the port-out kit replaces its smaller form. */
export function combinationsFor(exposed: ReadonlySet<string>): RiskCombination[] {
  const found = RISK_COMBINATIONS.filter((combination) => combination.fields.every((field) => exposed.has(field)));
  const hasKit = found.some((combination) => combination.id === 'port-out-kit');
  return hasKit ? found.filter((combination) => combination.id !== 'port-out-request') : found;
}
