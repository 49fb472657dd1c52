// A browser and an OS name for the sessions page, read by bowser (MIT; ua-parser-js 2 is AGPL).
import Bowser from 'bowser';

/** Product names, the same in every language; null where unknown (the page says so in its words). */
export interface DeviceDescription {
  browser: string | null;
  os: string | null;
}

/** Microsoft's own name is longer than the one people use for it. */
const SHORT_NAMES: Record<string, string> = { 'Microsoft Edge': 'Edge' };

export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  // bowser refuses an empty string; a session without a user agent is simply unknown.
  const parsed = userAgent ? Bowser.parse(userAgent) : null;
  const name = parsed?.browser.name;
  const headless = userAgent?.includes('HeadlessChrome/') ? ' (headless)' : '';
  return { browser: name ? `${SHORT_NAMES[name] ?? name}${headless}` : null, os: parsed?.os.name || null };
}
