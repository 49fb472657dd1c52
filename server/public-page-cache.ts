// Public pages carry no account data and never change while the process runs: render each once per language, with a
// placeholder nonce, and serve copies carrying the request's own fresh nonce. Signed-in visitors get a normal render
// (their header differs), and so does anything with a query string (?lng= among them).
import { randomBytes } from 'node:crypto';
import { createRequestHandler, type ServerBuild } from '@remix-run/node';
import type { RequestHandler } from 'express';
import { prepareSplicedGzip, type SplicedGzip } from './spliced-gzip';

interface RenderedPage {
  contentType: string;
  /** The HTML split at the placeholder nonce, joined again with each request's nonce. */
  parts: string[];
  /** The same, compressed once: most clients take gzip, and compressing per request was the largest cost. */
  gzip: SplicedGzip;
}

const CUSTOMER_SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?bc_session=/;
const LANGUAGE_COOKIES = /(?:^|;\s*)((?:__Host-)?bc_lng=[^;]*)/g;
// Visitors send few distinct Accept-Language headers: the app's detection runs once for each (bounded).
const KNOWN_LANGUAGE_HEADERS = 1000;
// Real language headers and cookies are short; longer ones are detected every time rather than kept in memory.
const MAX_REMEMBERED_KEY = 256;

export function publicPageCache(
  build: ServerBuild,
  options: {
    origin: string;
    paths: readonly string[];
    languageOf: (headers: { cookie?: string; acceptLanguage?: string }) => Promise<string>;
  },
): RequestHandler {
  const render = createRequestHandler(build, 'production');
  const placeholder = `nonce${randomBytes(16).toString('hex')}`;
  const publicPaths = new Set(options.paths);
  // By `${language} ${path}`: the rendering promise, replaced by the page once rendered, so a hit is answered at once.
  const pages = new Map<string, RenderedPage | null | Promise<RenderedPage | null>>();
  // Visitors send few distinct (cookie, Accept-Language) pairs: the app's detection runs once for each (bounded).
  const languages = new Map<string, string>();

  type Visitor = { key: string; cookie?: string; acceptLanguage?: string };

  /** The language cookies (both names: the app picks the one it reads) and Accept-Language, as a memo key. */
  function visitorOf(req: Parameters<RequestHandler>[0]): Visitor {
    const cookies = [...(req.get('cookie') ?? '').matchAll(LANGUAGE_COOKIES)].map((match) => match[1]!);
    const cookie = cookies.length > 0 ? cookies.join('; ') : undefined;
    const acceptLanguage = req.get('accept-language');
    return { key: `${cookie ?? ''}\n${acceptLanguage ?? ''}`, cookie, acceptLanguage };
  }

  /** The app's own choice for this visitor (remembered choice, else Accept-Language), remembered for short keys. */
  async function languageOf(visitor: Visitor): Promise<string> {
    const language = await options.languageOf({ cookie: visitor.cookie, acceptLanguage: visitor.acceptLanguage });
    if (visitor.key.length <= MAX_REMEMBERED_KEY) {
      if (languages.size >= KNOWN_LANGUAGE_HEADERS) languages.clear();
      languages.set(visitor.key, language);
    }
    return language;
  }

  function pageOf(language: string, path: string): RenderedPage | null | Promise<RenderedPage | null> {
    const key = `${language} ${path}`;
    let page = pages.get(key);
    if (page === undefined) {
      const rendering = renderOnce(path, language).catch(() => null);
      void rendering.then((rendered) => pages.set(key, rendered));
      pages.set(key, (page = rendering));
    }
    return page;
  }

  async function renderOnce(path: string, language: string): Promise<RenderedPage | null> {
    const headers = { Accept: 'text/html', 'Accept-Language': language };
    const response = await render(new Request(`${options.origin}${path}`, { headers }), {
      cspNonce: placeholder,
      clientAddress: 'page-cache',
    });
    if (response.status !== 200) return null;
    const html = await response.text();
    const parts = html.split(placeholder);
    return { contentType: response.headers.get('content-type') ?? 'text/html; charset=utf-8', parts, gzip: prepareSplicedGzip(parts) };
  }

  return (req, res, next) => {
    const cacheable =
      req.method === 'GET' &&
      publicPaths.has(req.path) &&
      !req.originalUrl.includes('?') &&
      !CUSTOMER_SESSION_COOKIE.test(req.get('cookie') ?? '');
    if (!cacheable) return next();
    const send = (rendered: RenderedPage | null) => {
      if (!rendered) return next();
      const nonce = String(res.locals.cspNonce);
      res.status(200).setHeader('Content-Type', rendered.contentType);
      res.setHeader('Vary', 'Accept-Encoding, Accept-Language, Cookie');
      // Setting Content-Encoding ourselves tells the compression middleware the body is already encoded.
      if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
        res.setHeader('Content-Encoding', 'gzip');
        res.end(rendered.gzip.render(nonce));
      } else {
        res.end(rendered.parts.join(nonce));
      }
    };
    const visitor = visitorOf(req);
    const language = languages.get(visitor.key);
    const page = language === undefined ? languageOf(visitor).then((chosen) => pageOf(chosen, req.path)) : pageOf(language, req.path);
    if (page instanceof Promise) page.then(send, next);
    else send(page);
  };
}
