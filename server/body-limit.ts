// Every form and passkey answer here is small: refuse large or unsized bodies before anything reads them.
import type { RequestHandler } from 'express';

export const MAX_BODY_BYTES = 64 * 1024;
const NO_BODY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function bodyLimit(maxBytes = MAX_BODY_BYTES): RequestHandler {
  return (req, res, next) => {
    if (NO_BODY_METHODS.has(req.method)) return next();
    const length = req.get('content-length');
    if (length === undefined && req.get('transfer-encoding')) {
      res.status(411).type('text/plain').send('Please send the form again; its size was not given.');
      return;
    }
    if (Number(length ?? 0) > maxBytes) {
      res.status(413).type('text/plain').send('That form was too large. Please check what you entered and try again.');
      return;
    }
    next();
  };
}
