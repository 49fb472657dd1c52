// The last word on errors Express itself raises (a malformed URL, say): a plain sentence, never a stack trace.
import type { ErrorRequestHandler } from 'express';
import type { RequestLogger } from './request-log';

export function plainErrors({ log, redactPath }: RequestLogger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const raw = Number((error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode);
    const status = raw >= 400 && raw < 600 ? raw : 500;
    if (status >= 500)
      log('error', 'request failed', { path: redactPath(req.path), error: error instanceof Error ? error.name : typeof error });
    res
      .status(status)
      .type('text/plain')
      .send(
        status < 500
          ? 'That request was not valid. Please check the address and try again.'
          : 'Something went wrong on our side. Please try again.',
      );
  };
}
