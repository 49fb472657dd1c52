// Times are formatted on the server (in one zone) so server and browser render the same text.
const FORMAT = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'America/Los_Angeles',
});

export function formatDateTime(date: Date | number | null | undefined): string | null {
  if (date === null || date === undefined) return null;
  return `${FORMAT.format(date)} Pacific`;
}
