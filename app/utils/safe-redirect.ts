// Redirect targets come from the URL, so they are checked: same-site relative paths only.
const DEFAULT_AFTER_SIGN_IN = '/account';

/** A relative path on this site ("/account/pin?x=1"), or the fallback. Never "//evil" or "/\evil". */
export function safeRedirect(target: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof target !== 'string' || target.length === 0 || target.length > 512) return fallback;
  if (!target.startsWith('/') || target.startsWith('//') || target.includes('\\')) return fallback;
  // Control characters could smuggle a different URL past browsers' parsers.
  if ([...target].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return fallback;
  try {
    const url = new URL(target, 'http://portal.invalid');
    if (url.origin !== 'http://portal.invalid') return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Normalising "/.//evil.com" or "/a/..//evil.com" yields "//evil.com", which browsers read as another site.
    return path.startsWith('//') || path.startsWith('/\\') ? fallback : path;
  } catch {
    return fallback;
  }
}

/** Only pages under /account (the step-up screen sends customers back there and nowhere else). */
export function safeAccountRedirect(target: unknown, fallback = '/account'): string {
  const path = safeRedirect(target, fallback);
  return path === '/account' || path.startsWith('/account/') || path.startsWith('/account?') ? path : fallback;
}
