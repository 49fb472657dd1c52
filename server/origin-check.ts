// Refuses cross-site mutations: every non-GET request must come from our own origin.
import type { RequestHandler } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function originCheck(allowedOrigin: string): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    const fetchSite = req.get('sec-fetch-site');
    if (origin === allowedOrigin || (!origin && fetchSite === 'same-origin')) return next();
    res
      .status(403)
      .type('text/plain')
      .send('This form was sent from another site, so we did not accept it. Open the portal directly and try again.');
  };
}
