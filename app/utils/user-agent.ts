// A browser and an OS name for the sessions page, read by bowser (MIT; ua-parser-js 2 is AGPL).
import Bowser from 'bowser';

export interface DeviceDescription {
  browser: string;
  os: string;
}

/** Microsoft's own name is longer than the one people use for it. */
const SHORT_NAMES: Record<string, string> = { 'Microsoft Edge': 'Edge' };

export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  // bowser refuses an empty string; a session without a user agent is simply unknown.
  const parsed = userAgent ? Bowser.parse(userAgent) : null;
  const name = parsed?.browser.name || 'Unknown browser';
  const headless = userAgent?.includes('HeadlessChrome/') ? ' (headless)' : '';
  return { browser: `${SHORT_NAMES[name] ?? name}${headless}`, os: parsed?.os.name || 'unknown system' };
}
