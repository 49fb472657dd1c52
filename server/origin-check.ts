// Refuses cross-site mutations: every non-GET request must come from our own origin, addressed to our own host.
import type { RequestHandler } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function originCheck(allowedOrigin: string): RequestHandler {
  const allowedHost = new URL(allowedOrigin).host;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    const fetchSite = req.get('sec-fetch-site');
    if (origin !== allowedOrigin && (origin || fetchSite !== 'same-origin')) {
      res
        .status(403)
        .type('text/plain')
        .send('This form was sent from another site, so we did not accept it. Open the portal directly and try again.');
      return;
    }
    // Remix refuses an action whose Origin names another host than the request's (X-Forwarded-Host, else Host) by
    // throwing, which would answer 500; say what is wrong instead.
    const host = req.get('x-forwarded-host')?.split(',')[0]?.trim() || req.get('host');
    if (origin && host !== allowedHost) {
      res
        .status(421)
        .type('text/plain')
        .send(
          `This request reached the portal under another address than ${allowedOrigin}. Open the portal at that address and try again.`,
        );
      return;
    }
    next();
  };
}
