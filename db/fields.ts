// The account fields the incidents can expose. Their names and meaning for customers are in the catalogs of each
// language (app/i18n/locales/*/incidents.ts, under field.<id>).
export const EXPOSABLE_FIELDS = [
  'name',
  'billing_zip',
  'billing_address',
  'phone_number',
  'email_address',
  'account_number',
  'account_type',
  'rate_plan',
  'plan_features',
  'billing_information',
] as const;

export type ExposableField = (typeof EXPOSABLE_FIELDS)[number];

/** Never part of any incident: every notice said so. What each is called is in the catalogs (incidents:never.*). */
export const NEVER_EXPOSED = ['ssn', 'cards', 'passwords'] as const;
export type NeverExposed = (typeof NEVER_EXPOSED)[number];
