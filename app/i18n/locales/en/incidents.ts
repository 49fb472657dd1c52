// The incident catalogue as customers read it (DESIGN section 1): each incident, each field's meaning and risk, what
// fields allow together, and the incident pages. Keys are the catalogue's ids (db/incidents.ts, db/fields.ts).
export default {
  incident: {
    '2018-08-api': {
      title: 'August 2018: leaky website API',
      when: 'Discovered on August 20, 2018',
      summary: 'Someone got unauthorized access to customer details through an interface ("API") behind part of our website.',
      whatHappened:
        'On August 20, 2018 our security team found and shut down unauthorized access to customer information through an API serving part of our website. About 2.3 million customers most at risk were told by text message.',
      affected: 'About 2.3 million customers were texted.',
    },
    '2019-11-prepaid': {
      title: 'November 2019: prepaid accounts',
      when: 'November 2019',
      summary: 'Someone got unauthorized access to information about some prepaid accounts.',
      whatHappened:
        'In November 2019 our security team found and shut down unauthorized access to information about some prepaid customers. Postpaid accounts were not part of it.',
      affected: 'A subset of prepaid customers; the carrier did not publish a number.',
    },
    '2020-03-email-vendor': {
      title: 'March 2020: email vendor attack',
      when: 'March 2020',
      summary: "An attack on our email vendor gave access to some employees' mailboxes, which held customer account information.",
      whatHappened:
        'In March 2020 an attacker got into the email vendor we use and from there into some employee mailboxes. Some of those emails contained customer account information.',
      affected: 'A small share of customers; the carrier did not publish a number.',
    },
  },
  field: {
    name: { label: 'Name', risk: 'Makes scam calls, texts and emails sound like they really come from us.' },
    billing_zip: {
      label: 'Billing ZIP code',
      risk: 'Often asked as a security question; with your account number and phone it helps someone pose as you.',
    },
    billing_address: { label: 'Billing address', risk: 'Used to pass identity checks and to send convincing paper mail scams.' },
    phone_number: { label: 'Phone number', risk: 'The target of SIM-swap and port-out fraud, and a way to reach you with fake texts.' },
    email_address: { label: 'Email address', risk: 'Lets scammers send phishing email that names your account.' },
    account_number: { label: 'Account number', risk: 'Asked for when moving your number to another carrier (a port-out).' },
    account_type: { label: 'Account type (prepaid or postpaid)', risk: 'Helps scammers tailor a story about your plan or bill.' },
    rate_plan: { label: 'Rate plan', risk: 'Helps a caller sound like our support team.' },
    plan_features: { label: 'Plan features', risk: 'Helps a caller sound like our support team.' },
    billing_information: {
      label: 'Billing information (amounts and dates, not card numbers)',
      risk: 'Makes fake "your payment failed" messages believable.',
    },
  },
  never: {
    ssn: 'Social Security number',
    cards: 'Credit or debit card numbers',
    passwords: 'Passwords',
  },
  combination: {
    'port-out-kit': {
      title: 'Port-out and SIM-swap attempts by phone',
      explanation:
        'Account number, billing ZIP and phone number are exactly what someone calling a carrier needs to try to move your number to their SIM. Your account PIN is the check that stops them.',
    },
    'port-out-request': {
      title: 'Port-out requests',
      explanation:
        'With your account number and phone number, another carrier can be asked to take over your number. A new account PIN blocks the transfer.',
    },
    'targeted-texts': {
      title: 'Convincing scam texts and calls',
      explanation:
        'Messages that use your real name on your real number are more believable. We never text links: delete any that claim to be us.',
    },
    'targeted-email': {
      title: 'Phishing email',
      explanation: 'Email that greets you by name can look like it is from us. We never email links about these incidents.',
    },
    'billing-scam': {
      title: 'Fake billing and payment messages',
      explanation:
        'Real billing details make "your payment failed" messages believable. Check your bill only by signing in or calling 611.',
    },
    impersonation: {
      title: 'Posing as you',
      explanation: 'Name and address help someone pass simple identity checks elsewhere. Consider a credit freeze if you see signs of it.',
    },
  },
  list: {
    title: 'The incidents',
    lead: 'Three incidents exposed some customer details. Each affected different customers and different details. Sign in to see which, if any, involved your account.',
    mayHaveBeen: 'May have been exposed:',
    notExposed: 'Not exposed:',
  },
  page: {
    notFound: 'Incident not found',
    all: 'All incidents',
    when: 'When',
    affected: 'Customers affected',
    whatHappened: 'What happened',
    mayTitle: 'Details that may have been exposed',
    mayIntro: 'Not every affected customer had every one of these exposed. Sign in to see your own.',
    notTitle: 'Not exposed',
    notPart: 'Not part of this incident.',
    whatToDo: 'What to do',
    personalTitle: 'See your own answer',
    personalText: 'Sign in with a passkey to see whether your account was in this incident and exactly which details.',
  },
  missing: 'There is no incident with that name. The three incidents are listed below.',
} as const;
