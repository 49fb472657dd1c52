// Sentences the server says about a request: form and field errors, refusals, limits, and passkey ceremony failures.
export default {
  accountNotFound: 'We could not find that account.',
  tooManyAttempts: 'Too many attempts. Please try again in {{wait}}.',
  signInAgain: 'Please sign in again.',
  confirmFirst: 'Please confirm it is you with a passkey first.',
  form: {
    notAForm: 'We could not read that form. Please reload the page and try again.',
    invalidField: 'Check this field and try again.',
  },
  field: {
    accountNumber: { required: 'Enter your account number', format: 'Account numbers are 9 digits, as printed on your bill' },
    phone: { required: 'Enter a phone number on the account', format: 'Enter a US phone number, like (206) 555-0101' },
    code: { required: 'Enter the 6-digit code', format: 'The code is 6 digits' },
  },
  code: {
    wrong: 'That code is not right, or it has expired or been replaced. Check the latest message we sent, or ask for a new code.',
    paused:
      'Too many wrong codes were typed for this account today, so code checks for it are paused for {{wait}}. If you already have a passkey, sign in with it; otherwise call 611.',
  },
  enroll: {
    expired: 'Your code check has expired. Please start again.',
    accessRemoved: 'The account holder removed your access to this account. Ask them to restore it.',
    codeUsed: 'That code has already been used to set up a passkey. Sign in with it, or start again.',
  },
  passkey: {
    unknown: 'We do not recognise that passkey; it may have been removed. You can set up a new one with a code.',
    notVerified: 'Your device did not confirm it was you (fingerprint, face or screen lock). Please try again.',
    copied: 'That passkey answered like a copy of one we have seen before, so we did not accept it. Try another passkey or call 611.',
    alreadySetUp: 'That passkey is already set up.',
    expired: 'That request expired or was already used. Please try again.',
    failed: 'We could not verify that passkey. Please try again.',
  },
  json: {
    notJson: 'Expected a JSON body.',
    tooLarge: 'That request was too large.',
    invalid: 'That request was not valid JSON.',
    unexpected: 'That passkey response was not in the expected form. Please try again.',
  },
  refusal: {
    'change-pin': 'Only the account holder can change the account PIN. You can ask them to: choose “Ask the account holder”.',
    'protect-account': 'Only the account holder or an authorized user can turn on protection for the whole account.',
    'protect-any-line': 'You can turn on protection for your own line only.',
    'remove-protection': 'Only the account holder can turn a protection off.',
    'manage-people': 'Only the account holder can see and manage the people on this account.',
    'print-statement': 'The statement of exposure is for the account holder and authorized users. Ask the account holder for a copy.',
  },
  protection: {
    notOnAccount: 'That line is not on your account.',
    unavailable: 'Locks cannot be changed here right now: the carrier’s provisioning system is not set up. Call 611 from your phone.',
    newPasskey:
      'A passkey was set up on your sign-in in the last 24 hours. For your safety, a lock can be turned off a day after that. If you need it sooner, call 611 from your phone.',
  },
  people: {
    notOnAccount: 'That person is not on your account.',
    notYourself: 'You cannot remove your own access. Remove passkeys on Your passkeys instead.',
    youAreHolder: 'You are the account holder: you can change the PIN yourself.',
  },
  staff: {
    disabled: 'Your staff sign-in has been disabled. Ask an administrator if you think this is wrong.',
    inviteGone: 'This enrollment link has expired or was already used. Ask an administrator for a new one.',
  },
} as const;
