// What may be logged or stored about an error: its class and code, never its message. Driver errors quote the bound
// values of the statement (codes, recipients, account numbers), and transport errors repeat the recipient.
export function describeError(error: unknown): { error: string; code?: string } {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  const known = typeof code === 'string' || typeof code === 'number' ? String(code) : typeof cause === 'string' ? cause : undefined;
  // Some libraries leave name as "Error" on their own classes (drizzle's DrizzleQueryError): the class says more.
  const name = error.name === 'Error' && error.constructor.name !== 'Error' ? error.constructor.name : error.name;
  return known ? { error: name, code: known.slice(0, 40) } : { error: name };
}

/** The same, as one short line to store (the outbox's last error). */
export function errorSummary(error: unknown): string {
  const { error: name, code } = describeError(error);
  return code ? `${name} ${code}` : name;
}
