// Calling loaders and actions as functions: a CookieJar keeps one simulated browser's cookies and client address.
import type { AppLoadContext } from '@remix-run/node';
import { decodeMessage, translateMessage } from '../../app/i18n/message';
import { translatorFor } from '../../app/i18n/translator';

export const ORIGIN = 'http://localhost:3000';

let clientCounter = 0;

/** A fresh client address per browser, so per-client rate limits do not leak between tests. */
export function nextClientAddress(): string {
  clientCounter += 1;
  return `10.${(process.pid >> 8) & 255}.${(clientCounter >> 8) & 255}.${clientCounter & 255}`;
}

export class CookieJar {
  readonly cookies = new Map<string, string>();
  readonly context: AppLoadContext;
  /** The browser's Accept-Language; none unless a test sets it (the portal then answers in English). */
  acceptLanguage: string | null = null;

  constructor(
    readonly userAgent = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  ) {
    this.context = { cspNonce: 'test', clientAddress: nextClientAddress() };
  }

  request(path: string, init: RequestInit = {}): Request {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    headers.set('User-Agent', this.userAgent);
    if (this.acceptLanguage) headers.set('Accept-Language', this.acceptLanguage);
    if (init.method && init.method !== 'GET') headers.set('Origin', ORIGIN);
    return new Request(`${ORIGIN}${path}`, { ...init, headers });
  }

  json(path: string, body: unknown): Request {
    return this.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  form(path: string, fields: Record<string, string>): Request {
    return this.request(path, { method: 'POST', body: new URLSearchParams(fields) });
  }

  /** Stores the response's cookies (Max-Age=0 deletes) and returns the response for chaining. */
  take<T extends Response | { headers?: Headers | HeadersInit; init?: ResponseInit | null }>(response: T): T {
    const headers = response instanceof Response ? response.headers : new Headers((response as { init?: ResponseInit }).init?.headers);
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/Max-Age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

export function args(request: Request, browser: CookieJar) {
  return { request, context: browser.context, params: {} };
}

/** What a thrown Response says on the error page, worded as a reader of `language` sees it. */
export async function saidBy(response: Response, language: 'en' | 'es' = 'en'): Promise<string> {
  const text = await response.text();
  const message = decodeMessage(text);
  return message ? translateMessage(translatorFor(language), message.key, message.values) : text;
}
