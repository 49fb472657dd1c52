// Times inside notices: one zone and one form, written out so a text message reads the same on any phone.
// Built once: creating an Intl formatter per call costs milliseconds of event-loop time.
const NOTICE_TIME = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

export function formatNoticeTime(date: Date): string {
  return `${NOTICE_TIME.format(date)} UTC`;
}
