// The holder's page of the people on the account.
export default {
  metaTitle: 'People on this account',
  title: 'People on this account',
  lead: 'Everyone who uses a line on this account can set up their own passkey and read the account’s exposure. Only you, the account holder, can change the account PIN and manage the people here.',
  heading: '{{role}}, line {{line}}',
  headingYou: '{{role}}, line {{line}} (you)',
  passkeys: 'Passkeys',
  noPasskeys: 'None set up',
  lastSignIn: 'Last sign-in',
  access: 'Access',
  removedOn: 'Removed on {{date}}',
  remove: 'Remove access',
  restore: 'Restore access',
  restored: 'Access restored: they can set up a passkey again with a code sent to their line.',
  removed: 'Access removed. Sessions signed out: {{sessions}}. Passkeys removed: {{passkeys}}. We sent a message to their line.',
} as const;
