// One structured log line per request: method, redacted path, status, duration; never query strings or bodies.
import type { RequestHandler } from 'express';
import type { log as Log, redactPath as RedactPath } from '../app/services/logger.server';

/** The app's logger, from the build (server/app.ts). */
export interface RequestLogger {
  log: typeof Log;
  redactPath: typeof RedactPath;
}

export function requestLog({ log, redactPath }: RequestLogger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      log('info', 'request', {
        method: req.method,
        path: redactPath(req.path),
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        bytes: Number(res.getHeader('content-length') ?? 0) || undefined,
        memo: res.locals.pageMemo, // 'hit' or 'miss' for memoized pages (private-page-memo.ts), for the hit rate
      });
    });
    next();
  };
}
