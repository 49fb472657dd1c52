// One JSON line per event on stdout; callers pass no personal data (paths are redacted by the caller).
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

let threshold: number = LEVELS.info;

export function setLogLevel(level: LogLevel): void {
  threshold = LEVELS[level];
}

export function log(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  if (LEVELS[level] < threshold) return;
  // pid: with several worker processes (WEB_CONCURRENCY) an operator needs to know which one spoke.
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields, pid: process.pid });
  if (LEVELS[level] >= LEVELS.warn) process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

/** Paths can carry secrets (enrollment tokens) or identifiers (account numbers): log their shape only. */
export function redactPath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (/^\d{4,}$/.test(segment) || /^[\w-]{20,}$/.test(segment) ? ':redacted' : segment))
    .join('/');
}
