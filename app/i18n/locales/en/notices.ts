// Texts and emails to the contacts on file. Plain text, never a link (the notifier refuses one); dates are said in
// the recipient's language and Pacific time. English keeps to plain ASCII quotes: a curly one would turn a text into
// UCS-2, 70 characters a segment instead of 160.
export default {
  code: {
    subject: 'Your breach-check code',
    body: 'Your breach-check code is {{code}}. It expires in 10 minutes. We will never call or text to ask for it.',
  },
  agentCode: {
    subject: 'Your PIN reset code',
    body: 'A support agent started a PIN reset for your account at your request. Your code is {{code}}. It expires in 10 minutes. Open the breach-check portal yourself (do not use links in messages), choose "Set up a passkey", then "I have a code from an agent". Your new PIN takes effect 24 hours after you choose it. We will never call or text to ask for this code. If you did not ask for this, call 611 from your phone.',
  },
  codesPaused: {
    subject: 'Code checks for your account are paused',
    body: "Too many wrong one-time codes were typed for your breach-check account today, so we paused code checks for it for a day. Your passkeys still work. If this wasn't you, someone may be trying to get into your account: call 611 from your phone.",
  },
  passkeyAdded: {
    subject: 'A passkey was added to your account',
    body: "A new passkey was added for signing in to your breach-check account. If this wasn't you, call 611 from your phone.",
    byCode:
      "A new passkey was set up with a one-time code for your breach-check account. Your older passkeys still work. If this wasn't you, call 611 from your phone now.",
  },
  passkeyRemoved: {
    subject: 'A passkey was removed from your account',
    body: "A passkey was removed from your breach-check account. If this wasn't you, call 611 from your phone.",
  },
  accessRemoved: {
    subject: 'Your access to the breach-check portal was removed',
    body: 'The account holder removed your access to the breach-check portal for the account ending {{accountEnding}}. Your passkeys for it no longer work. If you think this is a mistake, ask the account holder.',
  },
  askHolder: {
    subject: 'Someone on your account asked you to change the account PIN',
    authorized:
      "The authorized user of the line ending {{lineEnding}} on your account asked you to change the account PIN in the breach-check portal. Open the portal yourself (type its address: we never send links) and choose Change PIN. If you don't know who asked, call 611 from your phone.",
    line: "The line user of the line ending {{lineEnding}} on your account asked you to change the account PIN in the breach-check portal. Open the portal yourself (type its address: we never send links) and choose Change PIN. If you don't know who asked, call 611 from your phone.",
  },
  pinChanged: {
    subject: 'Your account PIN was changed',
    body: "Your account PIN was changed on {{at}}. If this wasn't you, call 611 from your phone.",
  },
  pinSet: {
    subject: 'An account PIN was set',
    body: "An account PIN was set for your account on {{at}}. If this wasn't you, call 611 from your phone.",
  },
  resetRequested: {
    subject: 'A reset of your account PIN was requested',
    body: "A reset of your account PIN was requested on {{at}}. The new PIN takes effect on {{effectiveAt}} unless it is cancelled before then. If this wasn't you, call 611 from your phone now, or cancel it in the breach-check portal.",
  },
  resetCancelled: {
    subject: 'The reset of your account PIN was cancelled',
    byPortal:
      'The reset of your account PIN requested on {{requestedAt}} was cancelled in the breach-check portal. Your PIN has not changed. If you did not ask for this, call 611 from your phone.',
    byAgent:
      'The reset of your account PIN requested on {{requestedAt}} was cancelled by a support agent. Your PIN has not changed. If you did not ask for this, call 611 from your phone.',
  },
  resetApplied: {
    subject: 'Your account PIN was changed',
    body: "Your account PIN was changed on {{at}}: the reset requested on {{requestedAt}} took effect. If this wasn't you, call 611 from your phone.",
  },
  incidentNotice: {
    subject: 'Notice of Data Breach',
    textSubject: 'Breach check',
    heading: 'Notice of Data Breach',
    whatHappened: 'What Happened',
    whatInvolved: 'What Information Was Involved',
    whatWeAreDoing: 'What We Are Doing',
    whatYouCanDo: 'What You Can Do',
    moreInformation: 'For More Information',
    happened: '{{summary}} {{whatHappened}} Our records show that your account ending {{accountEnding}} was in this incident.',
    exposed: 'For your account, these were exposed:',
    notExposed: 'For your account, these were part of the incident but were NOT exposed: {{fields}}.',
    nothingElse: 'Every field this incident could reach was exposed for your account.',
    never: 'Never exposed in any incident: {{fields}}.',
    doing:
      'We closed the access that was used, and our breach-check portal now shows, for your own account, exactly which details were exposed and which were not. It also lets you change your account PIN and lock your number against port-out and SIM-swap fraud in the same visit.',
    doPin: 'Change your account PIN. With the details above, someone could pose as you to move your number; a new PIN stops that.',
    doPortOut:
      'Turn on port-out protection and SIM protection for your lines, so nobody can move your number to another carrier or a new SIM.',
    doWatch:
      'Be wary of calls, texts and emails that name your account: we will never ask for your PIN or a code, and we never send links.',
    more: 'Open your web browser and type the address of the breach-check portal yourself: it is printed on your bill. Or call 611 from your phone. This message contains no links, and we will never send you one.',
    text: 'Breach check: your account ending {{accountEnding}} was in the {{incident}} incident. Exposed: {{exposed}}. Not exposed: {{notExposed}}. Change your account PIN and turn on port-out protection: type the portal address from your bill, or call 611. We never send links.',
    none: 'none',
  },
  protectionChanged: {
    subject: 'A lock on your account changed',
    portOutOnLine:
      "Port-out protection is now on for the line ending {{lineEnding}}: the number cannot be moved to another carrier until the account holder turns it off. If this wasn't you, call 611 from your phone.",
    portOutOffLine:
      "Port-out protection was turned off for the line ending {{lineEnding}}: the number can be moved to another carrier again. If this wasn't you, call 611 from your phone now.",
    simOnLine:
      "SIM protection is now on for the line ending {{lineEnding}}: the number cannot be moved to a new SIM card until the account holder turns it off. If this wasn't you, call 611 from your phone.",
    simOffLine:
      "SIM protection was turned off for the line ending {{lineEnding}}: the number can be moved to a new SIM card again. If this wasn't you, call 611 from your phone now.",
    portOutOnAccount:
      "Port-out protection is now on for every line on your account, including the line ending {{lineEnding}}. If this wasn't you, call 611 from your phone.",
    portOutOffAccount:
      "Port-out protection was turned off for the whole account, including the line ending {{lineEnding}}. If this wasn't you, call 611 from your phone now.",
    simOnAccount:
      "SIM protection is now on for every line on your account, including the line ending {{lineEnding}}. If this wasn't you, call 611 from your phone.",
    simOffAccount:
      "SIM protection was turned off for the whole account, including the line ending {{lineEnding}}. If this wasn't you, call 611 from your phone now.",
  },
  protectionFailed: {
    subject: 'A lock on your account could not be changed',
    portOutOn:
      'We could not turn on port-out protection for your account: the carrier systems did not confirm it after several tries. It is not on. Try again in the breach-check portal, or call 611 from your phone.',
    portOutOff:
      'We could not turn off port-out protection for your account: the carrier systems did not confirm it. It is still on. Try again in the breach-check portal, or call 611 from your phone.',
    simOn:
      'We could not turn on SIM protection for your account: the carrier systems did not confirm it after several tries. It is not on. Try again in the breach-check portal, or call 611 from your phone.',
    simOff:
      'We could not turn off SIM protection for your account: the carrier systems did not confirm it. It is still on. Try again in the breach-check portal, or call 611 from your phone.',
  },
} as const;
