// The home page.
export default {
  metaTitle: 'Breach check: was your account in the 2018, 2019 or 2020 incidents?',
  metaDescription: 'Check exactly which of your account details were exposed, and lock your account with a new PIN.',
  eyebrow: 'Customer breach check',
  title: 'Was your account in one of our three data incidents?',
  lead: 'In 2018, 2019 and 2020 people got into systems that held some customer details. Sign in to see exactly which of <em>your</em> details were exposed, which were not, and fix the risk in the same visit by choosing a new account PIN.',
  readWhatHappened: 'Read what happened',
  whatHappened: 'What happened',
  neverTitle: 'What was never exposed',
  neverText:
    'None of the incidents involved Social Security numbers, credit or debit card numbers, or passwords. Every notice we sent said so, and our records agree.',
  whyTitle: 'Why it still matters',
  whyText:
    'Your account number, billing ZIP code and phone number together are what a fraudster needs to try to move your number to their phone by calling a carrier. Your account PIN is what stops them.',
  whatToDo: 'What to do now',
} as const;
