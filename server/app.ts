// The Express app: headers, origin check, compression, static files, then Remix.
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import type * as PortalModule from '../app/portal.server';
import { bodyLimit } from './body-limit';
import { plainErrors } from './error-handler';
import { originCheck } from './origin-check';
import { privatePageMemo } from './private-page-memo';
import { publicPageCache } from './public-page-cache';
import { requestLog } from './request-log';
import { securityHeaders } from './security-headers';

export type Portal = typeof PortalModule;

/** The app's side of the server, from the build's entry module (app/entry.server.tsx exports it). */
export function portalOf(build: ServerBuild): Portal {
  const portal = (build.entry.module as { portal?: Portal }).portal;
  if (!portal) throw new Error('The build has no portal export: run npm run build again.');
  return portal;
}

export function createApp(config: PortalModule.Config, build: ServerBuild) {
  const portal = portalOf(build);
  const app = express();
  app.disable('x-powered-by');
  // Every page carries a fresh nonce, so an ETag could never match: skip hashing each body for one.
  app.set('etag', false);
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);

  app.use(requestLog(portal));
  app.use(securityHeaders());
  app.use(compression());
  app.use(originCheck(config.webauthn.origin));
  app.use(bodyLimit());

  // Before the static files: their misses cost a disk stat and an error object on every page request.
  app.use(publicPageCache(build, { origin: config.webauthn.origin, paths: portal.PUBLIC_PAGE_PATHS, languageOf: portal.visitorLanguage }));

  const publicDir = path.resolve('public');
  // Fingerprinted build output never changes under its name; other public files may.
  app.use('/build', express.static(path.join(publicDir, 'build'), { immutable: true, maxAge: '1y', index: false }));
  // Only the few top-level files public/ holds: asking the disk about every page URL costs a stat and an error object.
  const publicFiles = new Set(
    readdirSync(publicDir)
      .filter((name) => name !== 'build')
      .map((name) => `/${name}`),
  );
  const servePublicFile = express.static(publicDir, { maxAge: '1h', index: false });
  app.use((req, res, next) => (publicFiles.has(req.path) ? servePublicFile(req, res, next) : next()));

  // Lets the root, layout and page loaders of one request share its session lookup; never trusted from the client.
  app.use((req, _res, next) => {
    req.headers[portal.REQUEST_KEY_HEADER] = randomUUID();
    next();
  });
  // The dashboard is what a burst of customers reloads: its loaders run every time, its render only for new data.
  app.use(
    privatePageMemo(build, {
      origin: config.webauthn.origin,
      maxBytes: config.pageMemoBytes,
      pages: { '/account': 'routes/account._index' },
      keys: portal,
    }),
  );
  app.all(
    '*',
    createRequestHandler({
      build,
      // Production mode always: it keeps error details and stack traces out of responses.
      mode: 'production',
      getLoadContext: (req, res) => ({ cspNonce: String(res.locals.cspNonce), clientAddress: req.ip ?? 'unknown' }),
    }),
  );
  app.use(plainErrors(portal));
  return app;
}
