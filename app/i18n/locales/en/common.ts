// Shared by every page: the header, the footer, the language switch, the error pages and the advice everyone gets.
export default {
  brand: 'Breach check',
  skipLink: 'Skip to content',
  title: '{{page}} · Breach check',
  nav: {
    label: 'Main',
    incidents: 'Incidents',
    account: 'Your account',
    signIn: 'Sign in',
    signOut: 'Sign out',
  },
  staffArea: 'Staff area',
  footer: {
    noLinks:
      'We will never text or email you a link. If a message claiming to be from us asks you to tap a link, share a code or your PIN, it is not from us: call 611 from your phone.',
    timeZone: 'Times on these pages and in our messages are US Pacific time.',
  },
  error: {
    eyebrow: 'Error {{status}}',
    400: { title: 'That request was not valid', body: 'Please go back, check what you entered and try again.' },
    403: { title: 'You cannot open this page', body: 'It needs a different sign-in. If you think this is wrong, sign in again.' },
    404: {
      title: 'We could not find that page',
      body: 'The address may be mistyped, or the page may have moved. The incident pages and your account are linked below.',
    },
    410: { title: 'This link no longer works', body: 'It has expired or was already used.' },
    429: { title: 'Too many attempts', body: 'For your safety we paused this for a while. Please try again later.' },
    500: { title: 'Something went wrong on our side', body: 'Nothing you did caused this. Please try again in a minute.' },
    home: 'Home',
    incidents: 'The incidents',
    signIn: 'Sign in to check your account',
  },
  advice: {
    pin: {
      title: 'Change your account PIN.',
      text: 'It is what we ask for before moving your number to another carrier or to a new SIM, so it is the lock that matters most.',
    },
    codes: {
      title: 'Never share a code you did not ask for.',
      text: 'Anyone who asks for a code texted to you is trying to take over your account.',
    },
    links: {
      title: 'We never send links.',
      text: 'Our texts and emails about these incidents never contain a link. Type the portal address yourself.',
    },
    service: {
      title: 'Watch for sudden loss of service.',
      text: 'If your phone shows “No service” or “SOS only” where it normally works, call 611 from another phone right away.',
    },
  },
  checkMyAccount: 'Check my account',
  backToExposure: 'Back to your exposure',
  print: {
    button: 'Print',
    noScript: 'Use your browser’s Print command to print or save this page as a PDF.',
  },
  roles: {
    holder: 'Account holder',
    authorized: 'Authorized user',
    line: 'Line user',
  },
  wait: {
    seconds_one: '{{count}} second',
    seconds_other: '{{count}} seconds',
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
    hours_one: '{{count}} hour',
    hours_other: '{{count}} hours',
  },
  never: 'Never',
} as const;
