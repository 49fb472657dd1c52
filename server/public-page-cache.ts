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
  const pages = new Map<string, Promise<RenderedPage | null>>();

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
    const serve = async () => {
      const language = await options.languageOf({ cookie: req.get('cookie'), acceptLanguage: req.get('accept-language') });
      const key = `${language} ${req.path}`;
      let page = pages.get(key);
      if (!page) {
        page = renderOnce(req.path, language).catch(() => null);
        pages.set(key, page);
      }
      return page;
    };
    serve().then((rendered) => {
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
    }, next);
  };
}
