// Signed-in pages whose loaders return plain data are a pure function of that data: the same data renders the same
// HTML but for the CSP nonce. So each request still runs the page's loaders (session checks, reads, their side
// effects), and only the render is skipped when a page rendered from identical data is in memory; that copy is served
// with the request's own nonce spliced in. Correct by construction: the key is a hash of the data the copy was
// rendered from (entry.server reports it), so any change to what the page shows is a new key, never a stale page.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:zlib';
import { createRequestHandler, type AppLoadContext, type ServerBuild } from '@remix-run/node';
import type { Request as ExpressRequest, RequestHandler } from 'express';
import type { RENDER_KEY_HEADER as RenderKeyHeader, renderKey as RenderKey } from '../app/services/render-key.server';
import { prepareSplicedGzip, type SplicedGzip } from './spliced-gzip';

interface MemoizedPage {
  status: number;
  headers: Array<[string, string]>;
  gzip: SplicedGzip;
}

// Not replayed from a stored answer: they describe one response (or one browser, for cookies).
const PER_RESPONSE_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'date', 'set-cookie']);

/** How entry.server marks a rendered page with the key of its data, from the build (server/app.ts). */
export interface RenderKeys {
  RENDER_KEY_HEADER: typeof RenderKeyHeader;
  renderKey: typeof RenderKey;
}
const CUSTOMER_SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?bc_session=/;

// The page's bytes, its key and headers, and about 200 bytes of objects and map entry around them.
function entryBytes(key: string, page: MemoizedPage): number {
  return page.gzip.size + key.length + page.headers.reduce((total, [name, value]) => total + name.length + value.length + 32, 200);
}

/** Least recently used pages go first once the bytes held would pass maxBytes. */
export class PageMemo {
  private readonly pages = new Map<string, MemoizedPage>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get heldBytes(): number {
    return this.bytes;
  }

  get(key: string): MemoizedPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  set(key: string, page: MemoizedPage): void {
    if (entryBytes(key, page) > this.maxBytes || this.pages.has(key)) return;
    this.pages.set(key, page);
    this.bytes += entryBytes(key, page);
    for (const [oldest, evicted] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(oldest);
      this.bytes -= entryBytes(oldest, evicted);
    }
  }
}

/** pages: path → id of the leaf route whose loaders (with its parents') make the page. */
export function privatePageMemo(
  build: ServerBuild,
  options: { origin: string; maxBytes: number; pages: Record<string, string>; keys: RenderKeys },
): RequestHandler {
  const { RENDER_KEY_HEADER, renderKey } = options.keys;
  const placeholder = `nonce${randomBytes(16).toString('hex')}`;
  const memo = new PageMemo(options.maxBytes);
  const chains = new Map(Object.entries(options.pages).map(([path, leaf]) => [path, routeChain(build, leaf)]));
  const render = createRequestHandler(withPreloadedLoaders(build, new Set([...chains.values()].flat().map(({ id }) => id))), 'production');

  return (req, res, next) => {
    const chain = chains.get(req.path);
    const memoizable =
      options.maxBytes > 0 &&
      chain !== undefined &&
      req.method === 'GET' &&
      req.originalUrl === req.path &&
      CUSTOMER_SESSION_COOKIE.test(req.get('cookie') ?? '') &&
      req.acceptsEncodings('gzip', 'identity') === 'gzip';
    if (!memoizable) return next();
    const nonce = String(res.locals.cspNonce);
    const context: AppLoadContext = { cspNonce: nonce, clientAddress: req.ip ?? 'unknown' };

    // As Remix's adapter does: a client that goes away aborts the work done for it.
    const aborted = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) aborted.abort();
    });

    const serve = async () => {
      const request = toFetchRequest(req, options.origin, aborted.signal);
      // Redirects (signed out), thrown errors and non-plain data all take the ordinary path.
      const results = await Promise.all(chain.map(async (route) => route.loader({ request, params: {}, context }))).catch(() => null);
      const loaderData = results && Object.fromEntries(chain.map((route, index) => [route.id, results[index]]));
      const key = loaderData && renderKey(req.path, loaderData);
      if (!key) return next();
      const page = memo.get(key);
      res.locals.pageMemo = page ? 'hit' : 'miss';
      if (page) return send(res, page, nonce);

      // The same GET (no body to consume) the loaders saw.
      const response = await render(request, {
        ...context,
        cspNonce: placeholder,
        renderKey: true,
        // The render uses the data the key was made from instead of reading it all a second time.
        preloadedLoaderData: loaderData,
      });
      const parts = (await response.text()).split(placeholder);
      const setCookies = response.headers.getSetCookie();
      const headers = [...response.headers].filter(
        ([name]) => !PER_RESPONSE_HEADERS.has(name.toLowerCase()) && name.toLowerCase() !== RENDER_KEY_HEADER,
      );
      // Kept only when it was rendered from exactly the data just read and sets nothing in the browser.
      if (response.status === 200 && response.headers.get(RENDER_KEY_HEADER) === key && setCookies.length === 0) {
        const rendered: MemoizedPage = { status: 200, headers, gzip: prepareSplicedGzip(parts, constants.Z_DEFAULT_COMPRESSION) };
        memo.set(key, rendered);
        return send(res, rendered, nonce);
      }
      res.status(response.status);
      for (const [name, value] of headers) res.setHeader(name, value);
      for (const cookie of setCookies) res.append('Set-Cookie', cookie);
      res.send(parts.join(nonce));
    };
    serve().catch(next);
  };
}

function send(res: Parameters<RequestHandler>[1], page: MemoizedPage, nonce: string): void {
  res.status(page.status);
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.setHeader('Vary', 'Accept-Encoding');
  // Setting Content-Encoding ourselves tells the compression middleware the body is already encoded.
  res.setHeader('Content-Encoding', 'gzip');
  res.end(page.gzip.render(nonce));
}

interface ChainRoute {
  id: string;
  loader: (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown;
}

/** The leaf route and its parents, root first; every one needs a loader (a route without one adds no data). */
function routeChain(build: ServerBuild, leaf: string): ChainRoute[] {
  const chain: ChainRoute[] = [];
  for (let id: string | undefined = leaf; id !== undefined; id = build.routes[id]?.parentId) {
    const route = build.routes[id];
    if (!route) throw new Error(`privatePageMemo: no route ${id} in the build`);
    const loader = route.module.loader;
    if (loader) chain.unshift({ id, loader: loader as unknown as ChainRoute['loader'] });
  }
  return chain;
}

/** The build with the memoized pages' loaders answering from `context.preloadedLoaderData` when it is given. */
function withPreloadedLoaders(build: ServerBuild, routeIds: Set<string>): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const loader = route?.module.loader;
      if (!route || !loader || !routeIds.has(id)) return [id, route];
      const preloaded: typeof loader = (args) => {
        const data = args.context.preloadedLoaderData;
        return data && id in data ? (data[id] as Awaited<ReturnType<typeof loader>>) : loader(args);
      };
      return [id, { ...route, module: { ...route.module, loader: preloaded } }];
    }),
  );
  return { ...build, routes };
}

function toFetchRequest(req: ExpressRequest, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(`${origin}${req.originalUrl}`, { headers, signal });
}
