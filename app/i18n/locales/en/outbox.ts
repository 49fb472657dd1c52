// /dev/outbox: the messages the portal would have sent, shown in demo and test mode only.
export default {
  metaTitle: 'Outbox',
  title: 'Messages the portal sent',
  lead: 'Demo mode only: every email and text message, newest first (the latest {{shown}}). In production this page does not exist and messages go to the contacts on file.',
  none: 'No messages yet.',
  time: 'Time',
  channel: 'Channel',
  recipient: 'Recipient',
  status: 'Status',
  attempts: 'Attempts',
  lastError: 'Last error',
  subject: 'Subject',
  body: 'Body',
  sms: 'Text',
  email: 'Email',
  statuses: { pending: 'waiting', sent: 'sent', failed: 'failed', expired: 'expired' },
} as const;
