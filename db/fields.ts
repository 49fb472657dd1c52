// The account fields the incidents can expose, with plain-language meaning for customers.
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

export interface FieldInfo {
  label: string;
  /** What an attacker can do with it, in one sentence. */
  risk: string;
}

export const FIELD_INFO: Record<ExposableField, FieldInfo> = {
  name: {
    label: 'Name',
    risk: 'Makes scam calls, texts and emails sound like they really come from us.',
  },
  billing_zip: {
    label: 'Billing ZIP code',
    risk: 'Often asked as a security question; with your account number and phone it helps someone pose as you.',
  },
  billing_address: {
    label: 'Billing address',
    risk: 'Used to pass identity checks and to send convincing paper mail scams.',
  },
  phone_number: {
    label: 'Phone number',
    risk: 'The target of SIM-swap and port-out fraud, and a way to reach you with fake texts.',
  },
  email_address: {
    label: 'Email address',
    risk: 'Lets scammers send phishing email that names your account.',
  },
  account_number: {
    label: 'Account number',
    risk: 'Asked for when moving your number to another carrier (a port-out).',
  },
  account_type: {
    label: 'Account type (prepaid or postpaid)',
    risk: 'Helps scammers tailor a story about your plan or bill.',
  },
  rate_plan: {
    label: 'Rate plan',
    risk: 'Helps a caller sound like our support team.',
  },
  plan_features: {
    label: 'Plan features',
    risk: 'Helps a caller sound like our support team.',
  },
  billing_information: {
    label: 'Billing information (amounts and dates, not card numbers)',
    risk: 'Makes fake "your payment failed" messages believable.',
  },
};

/** Never part of any incident: every notice said so. */
export const NEVER_EXPOSED = ['Social Security number', 'Credit or debit card numbers', 'Passwords'] as const;
